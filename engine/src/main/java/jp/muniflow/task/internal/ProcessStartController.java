package jp.muniflow.task.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.task.ProcessStarts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The processes the caller may start (their model names one of the caller's groups), and starting one. */
@RestController
@RequestMapping("/api/processes")
@Tag(name = "開始できるプロセス Processes to start")
class ProcessStartController {

  private final StartableProcesses starts;

  ProcessStartController(StartableProcesses starts) {
    this.starts = starts;
  }

  @GetMapping("/startable")
  @Operation(summary = "開始できるプロセス / the processes the caller may start",
      description = "Shared processes whose model names one of the caller's groups in camunda:candidateStarterGroups.")
  List<ProcessStarts.Startable> startable(@AuthenticationPrincipal MuniFlowUser user) {
    return starts.startable(user);
  }

  @PostMapping("/{key}/instances")
  @Operation(summary = "プロセスの開始 / start the process with its start form's values",
      description = "The body holds the start form's values by field key (a checklist as an array). The values are "
          + "checked as the start page checks them: 400 with every field's problem, 404 where the caller may not start "
          + "the process, 409 when the business key the model derives from the values is already used (the year's "
          + "campaign started twice). Nothing is started when the request is refused.")
  ResponseEntity<StartableProcesses.Started> start(@AuthenticationPrincipal MuniFlowUser user, @PathVariable String key,
      @RequestBody(required = false) Map<String, Object> values) {
    MultiValueMap<String, String> typed = new LinkedMultiValueMap<>();
    if (values != null) {
      values.forEach((name, value) -> {
        if (value instanceof Collection<?> many) {
          many.forEach(v -> typed.add(name, String.valueOf(v)));
        } else if (value != null && !Boolean.FALSE.equals(value)) {
          typed.add(name, value.toString());
        }
      });
    }
    StartableProcesses.Started started = starts.start(user, key, typed);
    return ResponseEntity.status(HttpStatus.CREATED).body(started);
  }
}
