package jp.muniflow.task.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.muniflow.engineadapter.EngineEntities;
import jp.muniflow.platform.BodyTooLargeException;
import jp.muniflow.platform.ProblemResponses;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes, for the engine, which variables a request to Camunda's REST API or its webapps' API names: in its path
 * ({@code …/variables/requestedAmount}) or in its JSON body (any {@code variables}, {@code localVariables},
 * {@code processVariables…} or {@code modifications} object, any {@code deletions} list, at any depth: a start, a
 * completion, a message, a modification's instructions, a migration plan). {@link KeptVariablesGuard} then refuses
 * each write of a kept variable that the client asked for; what the process's own steps write in the same request is
 * theirs. A completion ({@code /task/{id}/complete}, {@code /submit-form}) is noted with its task, whose outcome it
 * may write.
 *
 * <p>Two kinds of request act later, in the job executor, where no request is known: a batch that sets variables
 * ({@code /process-instance/variables-async}, {@code /migration/executeAsync} with variables) and a restart. Those
 * are refused here, 400 in Camunda's own error format, when they name a kept variable or restart a process of MuniFlow.
 */
class CamundaApiWrites extends OncePerRequestFilter {

  /** What the current request (of this thread) asks to write; null outside Camunda's APIs. */
  static final class Request {
    final Set<String> names;
    final String completingTaskId;
    /** The completed task, once looked up. */
    EngineEntities.TaskInCommand completing;

    Request(Set<String> names, String completingTaskId) {
      this.names = names;
      this.completingTaskId = completingTaskId;
    }
  }

  private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

  private static final Set<String> VARIABLE_OBJECTS = Set.of("variables", "localVariables", "processVariables",
      "processVariablesLocal", "processVariablesToTriggeredScope", "modifications");
  private static final Pattern NAMED_IN_PATH = Pattern.compile(".*/(?:variables|localVariables)/([^/]+)(?:/data)?");
  private static final Pattern COMPLETION = Pattern.compile(".*/task/([^/]+)/(?:complete|submit-form)");
  private static final Pattern BATCH_OF_VARIABLES = Pattern.compile(".*/(?:process-instance/variables-async|migration/executeAsync)");
  private static final Pattern RESTART = Pattern.compile(".*/process-definition/([^/]+)/restart(?:-async)?");

  private final KeptVariables kept;
  private final RepositoryService repository;
  private final ObjectMapper json;
  private final ProblemResponses problems;

  CamundaApiWrites(KeptVariables kept, RepositoryService repository, ObjectMapper json, ProblemResponses problems) {
    this.kept = kept;
    this.repository = repository;
    this.json = json;
    this.problems = problems;
  }

  static Request current() {
    return CURRENT.get();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Set<String> names = new TreeSet<>();
    Matcher named = NAMED_IN_PATH.matcher(path);
    if (named.matches()) {
      names.add(URLDecoder.decode(named.group(1), StandardCharsets.UTF_8));
    }
    HttpServletRequest forward = request;
    if (isJson(request)) {
      byte[] body;
      try {
        body = request.getInputStream().readAllBytes();
      } catch (BodyTooLargeException tooLarge) {
        problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large");
        return;
      }
      collectNames(body, names);
      forward = new ReadAgain(request, body);
    }

    String refusal = refusalBeforeTheEngine(path, names);
    if (refusal != null) {
      refuse(response, refusal);
      return;
    }
    Matcher completion = COMPLETION.matcher(path);
    CURRENT.set(new Request(Set.copyOf(names), completion.matches() ? completion.group(1) : null));
    try {
      chain.doFilter(forward, response);
    } finally {
      CURRENT.remove();
    }
  }

  /** A batch that would set kept variables, or a restart of a process of MuniFlow, with the reason; else null. */
  private String refusalBeforeTheEngine(String path, Set<String> names) {
    if (BATCH_OF_VARIABLES.matcher(path).matches()) {
      Set<String> refused = kept.keptByAny(names);
      if (!refused.isEmpty()) {
        return "The variables " + refused + " are kept by MuniFlow's processes: a batch through Camunda's API may not "
            + "set them (docs/operations.md, security)";
      }
    }
    Matcher restart = RESTART.matcher(path);
    if (restart.matches()) {
      String key = processKeyOf(URLDecoder.decode(restart.group(1), StandardCharsets.UTF_8));
      if (kept.keepsProcess(key)) {
        return KeptVariablesGuard.startRefusal(key);
      }
    }
    return null;
  }

  private String processKeyOf(String processDefinitionId) {
    try {
      return repository.getProcessDefinition(processDefinitionId).getKey();
    } catch (ProcessEngineException unknown) {
      // Camunda answers for a definition that does not exist or may not be seen
      return null;
    }
  }

  private void collectNames(byte[] body, Set<String> names) {
    try {
      collect(json.readTree(body), names);
    } catch (IOException notJson) {
      // Camunda refuses a body it cannot read; nothing is written
    }
  }

  private static void collect(JsonNode node, Set<String> names) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (VARIABLE_OBJECTS.contains(field.getKey()) && field.getValue().isObject()) {
          field.getValue().fieldNames().forEachRemaining(names::add);
        } else if ("deletions".equals(field.getKey()) && field.getValue().isArray()) {
          field.getValue().forEach(n -> names.add(n.asText()));
        }
        collect(field.getValue(), names);
      }
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, names));
    }
  }

  private static boolean isJson(HttpServletRequest request) {
    String type = request.getContentType();
    try {
      return type != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(type));
    } catch (IllegalArgumentException unreadable) {
      return false;
    }
  }

  private void refuse(HttpServletResponse response, String message) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidRequestException");
    body.put("message", message);
    body.put("code", null);
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), body);
  }

  /** The request with its body, already read here, to be read again by Camunda. */
  private static final class ReadAgain extends HttpServletRequestWrapper {
    private final byte[] body;

    ReadAgain(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body was read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
