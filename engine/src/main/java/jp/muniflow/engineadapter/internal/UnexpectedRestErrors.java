package jp.muniflow.engineadapter.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Camunda's REST API did not expect (a {@code NullPointerException} in one of its resources, say) is a 500 that
 * tells the client nothing of the server: Camunda's own handler answered with the exception's class and message,
 * which name its internal classes. The exception goes to the log. JAX-RS's own answers (404 of an unknown path, 405,
 * 415) stay as they are; engine exceptions are answered by {@link RestErrors} and Camunda's mappers.
 */
@Provider
@Priority(1)
class UnexpectedRestErrors implements ExceptionMapper<Exception> {

  static final String MESSAGE = "The server could not process the request. The error is in the server's log.";
  private static final Logger log = LoggerFactory.getLogger(UnexpectedRestErrors.class);

  @Override
  public Response toResponse(Exception e) {
    if (e instanceof WebApplicationException) {
      return ExceptionHandlerHelper.getInstance().getResponse(e);
    }
    log.error("Unexpected error in Camunda's REST API", e);
    ExceptionDto dto = new ExceptionDto();
    dto.setType("ServerError");
    dto.setMessage(MESSAGE);
    return Response.status(Response.Status.INTERNAL_SERVER_ERROR).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
  }
}
