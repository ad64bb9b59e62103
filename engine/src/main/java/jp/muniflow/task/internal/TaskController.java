package jp.muniflow.task.internal;

import java.util.List;
import java.util.Map;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.Paging;
import jp.muniflow.platform.PagingHeaders;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.task.BulkTasks;
import jp.muniflow.task.MyTasks;
import jp.muniflow.task.TaskSearch;
import jp.muniflow.task.TaskView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's open tasks: list, claim, give back, complete with the outcome variables. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

  private final MyTasks myTasks;
  private final BulkTasks bulk;
  private final java.time.Clock clock;

  TaskController(MyTasks myTasks, BulkTasks bulk, java.time.Clock clock) {
    this.clock = clock;
    this.myTasks = myTasks;
    this.bulk = bulk;
  }

  /** {@code {taskIds: [...]}}: claims each, up to 100 of one kind; 200 with each task's result. */
  @PostMapping("/bulk/claim")
  BulkAnswer bulkClaim(@AuthenticationPrincipal MuniFlowUser user, @RequestBody(required = false) BulkRequest request) {
    return new BulkAnswer(bulk.claim(user, request == null ? null : request.taskIds()));
  }

  /** {@code {taskIds: [...], variables: {decision, comment}}}: completes each with the same outcome; 200 with each result. */
  @PostMapping("/bulk/complete")
  BulkAnswer bulkComplete(@AuthenticationPrincipal MuniFlowUser user, @RequestBody(required = false) BulkRequest request) {
    return new BulkAnswer(bulk.complete(user, request == null ? null : request.taskIds(),
        request == null || request.variables() == null ? Map.of() : request.variables()));
  }

  record BulkRequest(List<String> taskIds, Map<String, Object> variables) {
  }

  /** Each task's result, in the order asked, and how many were done and refused. */
  record BulkAnswer(List<BulkTasks.Result> results, long done, long refused) {
    BulkAnswer(List<BulkTasks.Result> results) {
      this(results, results.stream().filter(r -> BulkTasks.Result.DONE.equals(r.status())).count(),
          results.stream().filter(r -> BulkTasks.Result.REFUSED.equals(r.status())).count());
    }
  }

  /**
   * A page of the caller's open tasks, searched as the task list page searches them (show, process, municipality,
   * due, fiscalYear, q, sort; page from 1, size up to 500, 50 unless asked). The body stays the array it was; the total is in
   * {@code X-Total-Count}, the neighbouring pages in {@code Link}.
   */
  @GetMapping
  ResponseEntity<List<TaskView>> list(@AuthenticationPrincipal MuniFlowUser user,
      @RequestParam(required = false) String show, @RequestParam(required = false) String process,
      @RequestParam(required = false) String municipality, @RequestParam(required = false) String due,
      @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
      @RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
    Paging.Result<TaskView> found = myTasks.search(user, new TaskSearch(show, process, municipality, due, q, sort, fiscalYear),
        Paging.of(page, size), JapanTime.now(clock));
    return ResponseEntity.ok().headers(PagingHeaders.of(found)).body(found.items());
  }

  @GetMapping("/{id}")
  TaskView get(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id) {
    return myTasks.get(user, id);
  }

  @PostMapping("/{id}/claim")
  ResponseEntity<Void> claim(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id) {
    myTasks.claim(user, id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/unclaim")
  ResponseEntity<Void> unclaim(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id) {
    myTasks.unclaim(user, id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/complete")
  ResponseEntity<Void> complete(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String id,
      @RequestBody(required = false) Map<String, Object> variables) {
    myTasks.complete(user, id, variables == null ? Map.of() : variables);
    return ResponseEntity.noContent().build();
  }
}
