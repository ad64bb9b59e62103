package jp.muniflow.task.internal;

import java.util.List;
import java.util.Map;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.task.MyTasks;
import jp.muniflow.task.TaskView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's open tasks: list, claim, give back, complete with the outcome variables. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

  private final MyTasks myTasks;

  TaskController(MyTasks myTasks) {
    this.myTasks = myTasks;
  }

  @GetMapping
  List<TaskView> list(@AuthenticationPrincipal MuniFlowUser user) {
    return myTasks.list(user);
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
