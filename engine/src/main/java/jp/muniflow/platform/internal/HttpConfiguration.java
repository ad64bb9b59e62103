package jp.muniflow.platform.internal;

import jp.muniflow.platform.ProblemResponses;
import jp.muniflow.platform.UploadPaths;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** HTTP settings of every request, whatever servlet serves it (MuniFlow's, Camunda's REST API or webapps). */
@Configuration
class HttpConfiguration {

  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimit(@Value("${muniflow.http.max-body-bytes:2097152}") long limit,
      ObjectProvider<UploadPaths> uploads, ProblemResponses problems) {
    var registration = new FilterRegistrationBean<>(new BodyLimitFilter(limit, uploads.orderedStream().toList(), problems));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
