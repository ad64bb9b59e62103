package jp.muniflow.task.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.muniflow.platform.ProblemResponses;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link CamundaApiWrites} on Camunda's REST API and its webapps' API, after sign-in and the engine's identity. */
@Configuration
class KeptVariablesConfiguration {

  @Bean
  FilterRegistrationBean<CamundaApiWrites> camundaApiWrites(KeptVariables kept, RepositoryService repository,
      ObjectMapper json, ProblemResponses problems) {
    var registration = new FilterRegistrationBean<>(new CamundaApiWrites(kept, repository, json, problems));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
    return registration;
  }
}
