package jp.muniflow.engineadapter.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * A JSON body that is just {@code null} is refused with 400: Camunda's resources take it as no object at all and
 * fail with a {@code NullPointerException} whose message names their internal classes, answered 500.
 */
@Provider
@Priority(1)
class RestBodies implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      return context.proceed();
    }
    // the body is small (BodyLimitFilter caps it), so it is read once here and handed on unchanged
    byte[] body = context.getInputStream().readAllBytes();
    if ("null".equals(new String(body, StandardCharsets.UTF_8).strip())) {
      throw new InvalidRequestException(Status.BAD_REQUEST, "The request body must be a JSON object or array, not null");
    }
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }
}
