package jp.muniflow.engineadapter.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * A body Camunda's REST API cannot read is 400 with a message that names the field, never a class: Camunda's own
 * handlers passed on Jackson's message ({@code Cannot deserialize value of type
 * `org.camunda.bpm.engine.rest.dto.task.TaskQueryDto` …}).
 */
final class RestJsonErrors {

  static final String NOT_JSON = "The request body is not valid JSON";
  static final String WRONG_SHAPE = "The request body does not have the expected form";

  private RestJsonErrors() {
  }

  private static Response badRequest(String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(InvalidRequestException.class.getSimpleName());
    dto.setMessage(message);
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
  }

  /** Not JSON at all. */
  @Provider
  @Priority(1)
  static class Unparseable implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException e) {
      return badRequest(NOT_JSON + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    }
  }

  /** JSON, but not of the expected form: named by the path of the field, as the client wrote it. */
  @Provider
  @Priority(1)
  static class WrongShape implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
      String field = e.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("."));
      return badRequest(field.isEmpty() ? WRONG_SHAPE : WRONG_SHAPE + ": " + field.replace(".[", "["));
    }
  }
}
