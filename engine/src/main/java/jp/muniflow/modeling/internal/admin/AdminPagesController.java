package jp.muniflow.modeling.internal.admin;

import java.util.List;
import java.util.Map;
import jp.muniflow.audit.AuditEvent;
import jp.muniflow.audit.AuditLog;
import jp.muniflow.audit.AuditResource;
import jp.muniflow.modeling.internal.gate.DelegateAllowList;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.Paging;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.platform.PageController;
import jp.muniflow.platform.Problems;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.security.ThrottledSignIns;
import jp.muniflow.tenants.TenantRegistry;
import jp.muniflow.ui.PageLayout;
import jp.muniflow.ui.Pager;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' pages: the definitions, a version in the modeler, the difference of two versions, rollback,
 * migration with its batch, the audit log with the sign-ins being slowed down. Server-rendered in the staff pages'
 * common layout (header, language switch, way home) with the administrators' own menu; the modeler page loads the
 * script bundle.
 */
@PageController
@RequestMapping("/admin")
class AdminPagesController {

  private final Definitions definitions;
  private final ModelDeployments deployments;
  private final Migrations migrations;
  private final AuditLog audit;
  private final TenantRegistry registry;
  private final DelegateAllowList delegates;
  private final Problems problems;
  private final ThrottledSignIns throttles;
  private final FormDeployments formDeployments;
  private final PageLayout layout;

  AdminPagesController(Definitions definitions, ModelDeployments deployments, Migrations migrations, AuditLog audit,
      TenantRegistry registry, DelegateAllowList delegates, Problems problems, ThrottledSignIns throttles,
      FormDeployments formDeployments, PageLayout layout) {
    this.formDeployments = formDeployments;
    this.layout = layout;
    this.throttles = throttles;
    this.definitions = definitions;
    this.deployments = deployments;
    this.migrations = migrations;
    this.audit = audit;
    this.registry = registry;
    this.delegates = delegates;
    this.problems = problems;
  }

  /**
   * The definitions, 50 a page: searched by a piece of the key, name or id, or by the municipality's name (kana too),
   * by kind, by whom they serve (shared, one municipality) and by whether new instances start on them; sorted by key.
   * The search is in the address, and the page links keep it.
   */
  @GetMapping
  String list(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
      @RequestParam(required = false) String tenant, @RequestParam(required = false) String status,
      @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page, Model model) {
    DefinitionSearch search = new DefinitionSearch(q, type, tenant, status, sort);
    List<String> named = search.q() == null ? List.of()
        : registry.matching(search.q()).stream().map(jp.muniflow.tenants.Municipality::tenantId).toList();
    Paging.Result<DefinitionView> found = definitions.search(search, named, Paging.of(page, null));
    model.addAttribute("definitions", found.items());
    model.addAttribute("pager", Pager.of(found));
    model.addAttribute("municipalities", registry.municipalities());
    model.addAttribute("search", search);
    return "modeling/definitions";
  }

  @GetMapping("/definitions/{id}")
  String modeler(@PathVariable String id, Model model) {
    DefinitionView definition = definitions.get(id);
    model.addAttribute("definition", definition);
    model.addAttribute("versions", definitions.versionsOf(definition));
    model.addAttribute("municipalities", registry.municipalities());
    model.addAttribute("delegates", delegates.names());
    return "modeling/modeler";
  }

  /**
   * The modeler with a new, empty process (one start event): the administrator sets its id and name in the
   * properties panel, builds it and deploys it like any model, through the gate.
   */
  @GetMapping("/processes/new")
  String newProcess(Model model) {
    model.addAttribute("definition", null);
    model.addAttribute("versions", List.of());
    model.addAttribute("municipalities", registry.municipalities());
    model.addAttribute("delegates", delegates.names());
    return "modeling/modeler";
  }

  /**
   * The form editor: a new form, or one deployed with a process version ({@code definition}, {@code name}), to
   * validate, compare and deploy with that process or alone. The editor (form-js) is the page's script bundle.
   */
  @GetMapping("/forms")
  String formEditor(@RequestParam(required = false) String definition, @RequestParam(required = false) String name,
      Model model) {
    DefinitionView process = definition == null || definition.isBlank() ? null : definitions.get(definition);
    List<String> forms = process == null ? List.of() : formDeployments.formsOf(process.id());
    String resourceName = name != null && forms.contains(name) ? name : null;
    model.addAttribute("definition", process);
    model.addAttribute("forms", forms);
    model.addAttribute("resourceName", resourceName);
    model.addAttribute("processes", definitions.list().stream()
        .filter(d -> "process".equals(d.type()) && d.latest()).toList());
    model.addAttribute("municipalities", registry.municipalities());
    return "modeling/form-editor";
  }

  @GetMapping("/definitions/{id}/diff")
  String diff(@PathVariable String id, @RequestParam(required = false) String against, Model model) {
    DefinitionView to = definitions.get(id);
    List<DefinitionView> versions = definitions.versionsOf(to);
    String fromId = against != null ? against
        : versions.stream().filter(v -> v.version() < to.version()).map(DefinitionView::id).findFirst().orElse(null);
    model.addAttribute("definition", to);
    model.addAttribute("versions", versions);
    if (fromId != null) {
      DefinitionView from = definitions.get(fromId);
      model.addAttribute("from", from);
      model.addAttribute("diff", ModelDiff.between(from.key() + " v" + from.version(), definitions.xml(from.id()),
          to.key() + " v" + to.version(), definitions.xml(to.id())));
    }
    return "modeling/diff";
  }

  /**
   * Deploys an older version again as the newest, once its box was ticked: new instances start on it from then on,
   * which the administrator must have meant; a click alone, or a post without the page, deploys nothing.
   */
  @PostMapping("/definitions/{id}/redeploy")
  String redeploy(@PathVariable String id, @RequestParam(required = false) String confirmed, RedirectAttributes redirect) {
    // back to the list searched for the definition's key, where its versions stand together; an unknown version
    // stays "not found", confirmed or not
    redirect.addAttribute("q", definitions.get(id).key());
    if (!"yes".equals(confirmed)) {
      redirect.addFlashAttribute("error", problems.message("admin.redeploy.unconfirmed"));
      return "redirect:/admin";
    }
    try {
      var result = deployments.redeploy(id);
      redirect.addFlashAttribute("notice", problems.message("admin.redeployed",
          result.definitions().stream().map(d -> d.key() + " v" + d.version()).toList().toString()));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("error", problems.message(e.messageKey(), e.args()));
    }
    return "redirect:/admin";
  }

  @GetMapping("/migration")
  String migration(@RequestParam String target, @RequestParam(required = false) String source, Model model) {
    DefinitionView to = definitions.get(target);
    model.addAttribute("target", to);
    model.addAttribute("sources", migrations.sourcesFor(target));
    if (source != null) {
      try {
        model.addAttribute("plan", migrations.plan(source, target));
      } catch (BusinessRuleException e) {
        model.addAttribute("error", problems.message(e.messageKey(), e.args()));
      }
    }
    return "modeling/migration";
  }

  @PostMapping("/migration")
  String migrate(@RequestParam String source, @RequestParam String target, RedirectAttributes redirect) {
    try {
      Migrations.Started started = migrations.migrate(source, target);
      return "redirect:/admin/migration/batches/" + started.batchId();
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("error", problems.message(e.messageKey(), e.args()));
      return "redirect:/admin/migration?target=" + target + "&source=" + source;
    }
  }

  @GetMapping("/migration/batches/{batchId}")
  String batch(@PathVariable String batchId, Model model) {
    model.addAttribute("batch", migrations.status(batchId));
    return "modeling/batch";
  }

  /**
   * A page that names a missing definition or batch: the admin pages' own 404, with their menu and the way back to the
   * definitions, not the API's problem JSON.
   */
  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(NotFoundException e, Model model) {
    layout.addTo(model);
    model.addAttribute("message", problems.message(e.messageKey(), e.args()));
    return "modeling/not-found";
  }

  /**
   * The audit log, newest first, 50 a page: searched by a piece of who, what it concerns or its details, or by the
   * municipality's name (kana too), and by the kind of event; the search is in the address.
   */
  @GetMapping("/audit")
  String audit(@RequestParam(required = false) String q, @RequestParam(required = false) String action,
      @RequestParam(required = false) Integer page, Model model) {
    if (action != null && !action.isBlank() && !AdminApiController.AUDITED_ACTIONS.contains(action)) {
      throw InvalidInputException.of("action", "input.one-of", String.join(", ", AdminApiController.AUDITED_ACTIONS));
    }
    String text = q == null || q.isBlank() ? null : q.strip();
    Paging.Result<AuditEvent> found = audit.search(action == null || action.isBlank() ? AdminApiController.AUDITED_ACTIONS
        : List.of(action), text, registry.matching(text).stream().map(jp.muniflow.tenants.Municipality::tenantId).toList(),
        Paging.of(page, null));
    List<AuditEvent> events = found.items();
    Map<Long, List<AuditResource>> resources = audit.resourcesOf(events.stream().map(AuditEvent::id).toList());
    model.addAttribute("events", events);
    model.addAttribute("pager", Pager.of(found));
    model.addAttribute("actions", AdminApiController.AUDITED_ACTIONS);
    model.addAttribute("action", action == null ? "" : action);
    model.addAttribute("q", text);
    model.addAttribute("resources", resources);
    model.addAttribute("throttled", throttles.current());
    return "modeling/audit";
  }

  /** Lets a user id sign in again at once from the address where its failed sign-ins slowed it down (audited). */
  @PostMapping("/audit/throttles/release")
  @Transactional
  String releaseThrottle(@AuthenticationPrincipal MuniFlowUser admin, @RequestParam String username,
      @RequestParam String address, RedirectAttributes redirect) {
    int forgotten = throttles.release(username, address);
    if (forgotten > 0) {
      audit.record(admin.username(), "login-throttle-released", null, username,
          "client address " + address + ", " + forgotten + " failed sign-ins forgotten");
    }
    redirect.addFlashAttribute("notice", problems.message(forgotten > 0 ? "admin.throttle.released" : "admin.throttle.none",
        username, address));
    return "redirect:/admin/audit";
  }
}
