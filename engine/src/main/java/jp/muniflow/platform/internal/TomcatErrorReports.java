package jp.muniflow.platform.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.muniflow.platform.Problems;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemReportValve} where Tomcat keeps its error report valve (the host's pipeline), in place of the
 * HTML one that Spring Boot installs, and names its class to the host so that the host adds no second one at start.
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private final Problems problems;
  private final ObjectMapper json;

  TomcatErrorReports(Problems problems, ObjectMapper json) {
    this.problems = problems;
    this.json = json;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      Host host = (Host) context.getParent();
      for (Valve valve : host.getPipeline().getValves()) {
        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
          host.getPipeline().removeValve(valve);
        }
      }
      host.getPipeline().addValve(new ProblemReportValve(problems, json));
      if (host instanceof org.apache.catalina.core.StandardHost standard) {
        standard.setErrorReportValveClass(ProblemReportValve.class.getName());
      }
    });
  }

  @Override
  public int getOrder() {
    // after Spring Boot's own Tomcat customizer, whose context customizer adds the HTML valve this one replaces
    return Ordered.LOWEST_PRECEDENCE;
  }
}
