package jp.muniflow.modeling.internal.admin;

import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.muniflow.audit.AuditEvent;
import jp.muniflow.audit.AuditLog;
import jp.muniflow.audit.AuditResource;
import jp.muniflow.modeling.internal.gate.DelegateAllowList;
import jp.muniflow.modeling.internal.gate.DeploymentRefusedException;
import jp.muniflow.modeling.internal.gate.GateMessages;
import jp.muniflow.modeling.internal.gate.Violation;
import jp.muniflow.platform.Paging;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.platform.PagingHeaders;
import jp.muniflow.platform.Problems;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.ParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' API behind the modeler: definitions and their XML, validate, deploy (shared or for one
 * municipality), the difference between two versions, rollback, migration, and the audit log. Group {@code admins}
 * only (see the security configuration).
 */
@RestController
@RequestMapping("/api/admin")
@Validated
class AdminApiController {

  /** The actions the audit page lists; {@code process-started}: a user started a process from its start page. */
  static final List<String> AUDITED_ACTIONS = List.of("deployment", "deployment-refused", "migration",
      "login-throttle-released", "notice-template-published", InstanceStarts.AUDIT_ACTION, "process-started");

  private final Definitions definitions;
  private final ModelDeployments deployments;
  private final Migrations migrations;
  private final AuditLog audit;
  private final GateMessages gateMessages;
  private final DelegateAllowList delegates;
  private final Problems problems;
  private final TenantRegistry registry;
  private final FormDeployments forms;
  private final BlockTemplates blockTemplates;
  private final InstanceStarts instanceStarts;

  AdminApiController(Definitions definitions, ModelDeployments deployments, Migrations migrations, AuditLog audit,
      GateMessages gateMessages, DelegateAllowList delegates, Problems problems, TenantRegistry registry,
      FormDeployments forms, BlockTemplates blockTemplates, InstanceStarts instanceStarts) {
    this.forms = forms;
    this.instanceStarts = instanceStarts;
    this.blockTemplates = blockTemplates;
    this.registry = registry;
    this.definitions = definitions;
    this.deployments = deployments;
    this.migrations = migrations;
    this.audit = audit;
    this.gateMessages = gateMessages;
    this.delegates = delegates;
    this.problems = problems;
  }

  /**
   * Every deployed version; with any of the list page's parameters (q, type, tenant, status, sort, page, size) the
   * same search and page as {@code /admin} answers, the total in {@code X-Total-Count} and the pages in {@code Link}.
   */
  @GetMapping("/definitions")
  ResponseEntity<List<DefinitionView>> definitions(@RequestParam(required = false) String q,
      @RequestParam(required = false) String type, @RequestParam(required = false) String tenant,
      @RequestParam(required = false) String status, @RequestParam(required = false) String sort,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    if (q == null && type == null && tenant == null && status == null && sort == null && page == null && size == null) {
      return ResponseEntity.ok(definitions.list());
    }
    DefinitionSearch search = new DefinitionSearch(q, type, tenant, status, sort);
    List<String> named = search.q() == null ? List.of()
        : registry.matching(search.q()).stream().map(jp.muniflow.tenants.Municipality::tenantId).toList();
    Paging.Result<DefinitionView> found = definitions.search(search, named, Paging.of(page, size));
    return ResponseEntity.ok().headers(PagingHeaders.of(found)).body(found.items());
  }

  @GetMapping("/definitions/{id}")
  DefinitionView definition(@PathVariable String id) {
    return definitions.get(id);
  }

  @GetMapping(path = "/definitions/{id}/xml", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<String> xml(@PathVariable String id) {
    return ResponseEntity.ok().contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
        .body(new String(definitions.xml(id), StandardCharsets.UTF_8));
  }

  @GetMapping("/definitions/{id}/diff")
  ModelDiff.Result diff(@PathVariable String id, @RequestParam String against) {
    DefinitionView to = definitions.get(id);
    DefinitionView from = definitions.get(against);
    return ModelDiff.between(label(from), definitions.xml(from.id()), label(to), definitions.xml(to.id()));
  }

  /** Starts an instance of a process version as the administrator (a campaign built in the modeler, say). */
  @PostMapping("/definitions/{id}/instances")
  ResponseEntity<InstanceStarts.Started> start(@AuthenticationPrincipal MuniFlowUser admin, @PathVariable String id,
      @RequestBody StartRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(instanceStarts.start(admin.username(), id, request.businessKey(), request.variables()));
  }

  record StartRequest(String businessKey, Map<String, String> variables) {
  }

  @PostMapping("/definitions/{id}/redeploy")
  ResponseEntity<ModelDeployments.DeployResult> redeploy(@PathVariable String id) {
    return ResponseEntity.status(HttpStatus.CREATED).body(deployments.redeploy(id));
  }

  /** The allowed delegates, for the modeler's help text. */
  @GetMapping("/delegates")
  Collection<String> delegates() {
    return delegates.names();
  }

  /**
   * The building blocks as Camunda 7 element templates, labelled in the request's language, for the modeler's
   * properties panel (its template chooser).
   */
  @GetMapping("/element-templates")
  List<Map<String, Object>> elementTemplates(Locale locale) {
    return blockTemplates.templates(locale);
  }

  @PostMapping("/validate")
  ValidationResult validate(@RequestBody ModelRequest request) {
    List<Violation> violations = deployments.validate(request.resourceName(), request.xml());
    return new ValidationResult(violations.isEmpty(), views(violations));
  }

  @PostMapping("/deployments")
  ResponseEntity<ModelDeployments.DeployResult> deploy(@RequestBody ModelRequest request) {
    var result = deployments.deploy(request.resourceName(), request.xml(), request.tenantId());
    return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
  }

  /** The forms deployed with a process version, by resource name. */
  @GetMapping("/definitions/{id}/forms")
  List<String> forms(@PathVariable String id) {
    return forms.formsOf(id);
  }

  /** One form deployed with a process version, as its JSON (a resource name may hold folders: a parameter). */
  @GetMapping(path = "/definitions/{id}/form", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> form(@PathVariable String id, @RequestParam String name) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .body(new String(forms.form(id, name), StandardCharsets.UTF_8));
  }

  @PostMapping("/forms/validate")
  ValidationResult validateForm(@RequestBody FormRequest request) {
    List<Violation> violations = forms.validate(request.resourceName(), request.schema());
    return new ValidationResult(violations.isEmpty(), views(violations));
  }

  /** The edited form against the one deployed with the process version, before deploying it. */
  @PostMapping("/forms/diff")
  ModelDiff.Result diffForm(@RequestBody FormRequest request) {
    return forms.diff(request.definitionId(), request.resourceName(), request.schema());
  }

  /**
   * Deploys an edited form: with its process ({@code definitionId}: the process version's resources again, the form
   * in place of the old one), or alone (a new version of the form, under its file name).
   */
  @PostMapping("/forms/deployments")
  ResponseEntity<ModelDeployments.DeployResult> deployForm(@RequestBody FormRequest request) {
    var result = request.definitionId() == null || request.definitionId().isBlank()
        ? deployments.deploy(fileName(request.resourceName()), request.schema(), request.tenantId())
        : forms.deployWithProcess(request.definitionId(), request.resourceName(), request.schema(), request.tenantId());
    return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
  }

  private static String fileName(String resourceName) {
    return resourceName == null ? null : resourceName.substring(resourceName.lastIndexOf('/') + 1);
  }

  @GetMapping("/migrations")
  List<DefinitionView> migrationSources(@RequestParam @NotBlank String targetDefinitionId) {
    return migrations.sourcesFor(targetDefinitionId);
  }

  @PostMapping("/migrations/plan")
  PlanView plan(@RequestBody MigrationRequest request) {
    return PlanView.of(migrations.plan(request.sourceDefinitionId(), request.targetDefinitionId()));
  }

  @PostMapping("/migrations")
  ResponseEntity<Migrations.Started> migrate(@RequestBody MigrationRequest request) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(migrations.migrate(request.sourceDefinitionId(), request.targetDefinitionId()));
  }

  @GetMapping("/migrations/batches/{batchId}")
  Migrations.BatchStatus batch(@PathVariable String batchId) {
    return migrations.status(batchId);
  }

  /**
   * The audit log, newest first: the {@code limit} newest events (as before), or, with {@code page}, {@code size} or
   * {@code q}, one page of the events searched as the audit page searches them, the total in {@code X-Total-Count}.
   */
  @GetMapping("/audit")
  ResponseEntity<List<AuditEntry>> audit(@RequestParam(defaultValue = "200") int limit,
      @RequestParam(required = false) List<String> action, @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    List<String> actions = action == null || action.isEmpty() ? AUDITED_ACTIONS : action;
    if (page == null && size == null && (q == null || q.isBlank())) {
      List<AuditEvent> events = audit.latest(Math.max(1, Math.min(limit, 1000)), actions);
      return ResponseEntity.ok(entries(events));
    }
    String text = q == null || q.isBlank() ? null : q.strip();
    Paging.Result<AuditEvent> found = audit.search(actions, text,
        registry.matching(text).stream().map(jp.muniflow.tenants.Municipality::tenantId).toList(), Paging.of(page, size));
    return ResponseEntity.ok().headers(PagingHeaders.of(found)).body(entries(found.items()));
  }

  private List<AuditEntry> entries(List<AuditEvent> events) {
    Map<Long, List<AuditResource>> resources = audit.resourcesOf(events.stream().map(AuditEvent::id).toList());
    return events.stream().map(e -> new AuditEntry(e, resources.getOrDefault(e.id(), List.of()))).toList();
  }

  /** The gate refused: 422 with every violation, each naming its element, in the caller's language. */
  @ExceptionHandler(DeploymentRefusedException.class)
  ResponseEntity<ProblemDetail> refused(DeploymentRefusedException e) {
    ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "deployment-refused", "gate.refused",
        e.violations().size());
    problem.setProperty("violations", views(e.violations()));
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  /** Camunda's own parser refused the model (it is no valid BPMN/DMN): its findings, as the engine words them. */
  @ExceptionHandler(ParseException.class)
  ResponseEntity<ProblemDetail> unparseable(ParseException e) {
    ProblemDetail problem = problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "model-invalid", "modeler.model-invalid");
    problem.setProperty("errors", e.getResorceReports().stream()
        .flatMap(r -> r.getErrors().stream())
        .map(p -> new EngineProblem(p.getMainElementId(), p.getMessage()))
        .toList());
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  private List<ViolationView> views(List<Violation> violations) {
    List<String> messages = gateMessages.messages(violations);
    return java.util.stream.IntStream.range(0, violations.size())
        .mapToObj(i -> ViolationView.of(violations.get(i), messages.get(i))).toList();
  }

  private static String label(DefinitionView d) {
    return d.key() + " v" + d.version() + (d.tenantId() == null ? "" : " (" + d.tenantId() + ")");
  }

  record ModelRequest(String resourceName, String xml, String tenantId) {
  }

  /** A form from the form editor: its resource name, its JSON, where to deploy it and with which process version. */
  record FormRequest(String resourceName, String schema, String tenantId, String definitionId) {
  }

  record MigrationRequest(String sourceDefinitionId, String targetDefinitionId) {
  }

  record ValidationResult(boolean valid, List<ViolationView> violations) {
  }

  record ViolationView(String resourceName, String elementId, String rule, String detail, String message) {
    static ViolationView of(Violation v, String message) {
      return new ViolationView(v.resourceName(), v.elementId(), v.rule().code(), v.detail(), message);
    }
  }

  record EngineProblem(String elementId, String message) {
  }

  record PlanView(DefinitionView source, DefinitionView target, List<Migrations.Instruction> instructions,
      List<String> migratable, List<Migrations.Blocked> blocked) {
    static PlanView of(Migrations.Plan p) {
      return new PlanView(p.source(), p.target(), p.instructions(), p.migratable(), p.blocked());
    }
  }

  record AuditEntry(long id, java.time.Instant occurredAt, String actor, String action, String tenantId, String target,
      String details, List<AuditResource> resources) {
    AuditEntry(AuditEvent e, List<AuditResource> resources) {
      this(e.id(), e.occurredAt(), e.actor(), e.action(), e.tenantId(), e.target(), e.details(), resources);
    }
  }
}
