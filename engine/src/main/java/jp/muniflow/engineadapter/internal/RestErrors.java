package jp.muniflow.engineadapter.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Camunda's REST API answers 500 for some refusals that are the client's fault: a task rule refused inside a task
 * listener (the engine wraps the listener's {@link BadUserRequestException}) and a query that carries an expression.
 * Those become 400 with their message; everything else is answered as Camunda answers it.
 */
@Provider
@Priority(1)
class RestErrors implements ExceptionMapper<ProcessEngineException> {

  static final String EXPRESSIONS_FORBIDDEN = "Expressions are forbidden";

  @Override
  public Response toResponse(ProcessEngineException e) {
    Response refused = refusal(e);
    return refused != null ? refused : ExceptionHandlerHelper.getInstance().getResponse(e);
  }

  /** Camunda's resources wrap engine exceptions in their own (a task completion: "Cannot complete task …", 500). */
  @Provider
  @Priority(1)
  static class Wrapped implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException e) {
      Response refused = refusal(e);
      return refused != null ? refused : ExceptionHandlerHelper.getInstance().getResponse(e);
    }
  }

  /** 400 with the refusal's own message, if a client's mistake is among the causes; otherwise null. */
  static Response refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BadUserRequestException || t.getMessage() != null && t.getMessage().contains(EXPRESSIONS_FORBIDDEN)) {
        ExceptionDto dto = new ExceptionDto();
        dto.setType(BadUserRequestException.class.getSimpleName());
        dto.setMessage(t.getMessage());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
      }
    }
    return null;
  }
}
