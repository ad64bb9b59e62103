package jp.muniflow.platform.internal;

import jp.muniflow.platform.ProblemResponses;
import jp.muniflow.platform.UploadPaths;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** HTTP settings of every request, whatever servlet serves it (MuniFlow's, Camunda's REST API or webapps). */
@Configuration
class HttpConfiguration {

  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimit(HttpProperties properties, ObjectProvider<UploadPaths> uploads,
      ProblemResponses problems) {
    var registration = new FilterRegistrationBean<>(new BodyLimitFilter(properties.maxBodyBytes(),
        uploads.orderedStream().toList(), problems));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
