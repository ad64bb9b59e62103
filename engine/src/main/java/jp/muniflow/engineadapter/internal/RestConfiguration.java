package jp.muniflow.engineadapter.internal;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API ({@code /engine-rest}) with MuniFlow's additions: {@link RestErrors}, {@link RestBodies},
 * {@link RestJsonErrors} and {@link UnexpectedRestErrors}.
 */
@Component
class RestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(RestErrors.class);
    register(RestErrors.Wrapped.class);
    register(RestBodies.class);
    register(RestJsonErrors.Unparseable.class);
    register(RestJsonErrors.WrongShape.class);
    register(UnexpectedRestErrors.class);
  }
}
