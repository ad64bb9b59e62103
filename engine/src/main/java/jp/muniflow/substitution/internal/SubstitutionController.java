package jp.muniflow.substitution.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.substitution.Substitution;
import jp.muniflow.substitution.Substitutions;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's substitutions over HTTP: list, name a substitute, end one early. */
@RestController
@RequestMapping("/api/substitutions")
class SubstitutionController {

  private final Substitutions substitutions;

  SubstitutionController(Substitutions substitutions) {
    this.substitutions = substitutions;
  }

  @GetMapping
  List<Substitution> list(@AuthenticationPrincipal MuniFlowUser user) {
    return substitutions.of(user.username());
  }

  /** {@code {substitute, startsOn, endsOn}}, the days as {@code yyyy-MM-dd}. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Substitution name(@AuthenticationPrincipal MuniFlowUser user, @RequestBody(required = false) Map<String, Object> body) {
    Map<String, Object> b = body == null ? Map.of() : body;
    return substitutions.name(user, b.get("substitute") instanceof String s ? s : null, day(b, "startsOn"), day(b, "endsOn"));
  }

  @PostMapping("/{id}/end")
  Substitution end(@AuthenticationPrincipal MuniFlowUser user, @PathVariable long id) {
    return substitutions.end(user, id);
  }

  static LocalDate day(Map<String, ?> body, String field) {
    Object v = body.get(field);
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(v.toString().strip());
    } catch (DateTimeParseException e) {
      throw InvalidInputException.of(field, "input.date.format");
    }
  }
}
