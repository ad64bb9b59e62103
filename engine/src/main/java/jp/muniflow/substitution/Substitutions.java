package jp.muniflow.substitution;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import jp.muniflow.audit.AuditLog;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.platform.BusinessRuleException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import jp.muniflow.platform.EndNotBeforeStart;
import jp.muniflow.platform.InvalidInputException;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.platform.PlainText;
import jp.muniflow.platform.RequestChecks;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.substitution.internal.SubstitutionStore;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.tenants.Secretariat;
import jp.muniflow.tenants.TenantRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of substitutes and its rules (docs/user-guide-secretariat.md, 代理・代決):
 * <ul>
 *   <li>a secretariat user names their own substitute, a member of the same secretariat, for whole days in Japan's
 *       calendar, at most {@value #MAX_DAYS} days, not wholly past;</li>
 *   <li>a manager's substitute is another member of the managers' group, unless the secretariat's data allows any of
 *       its members ({@code manager_substitutes} in {@code secretariats.csv});</li>
 *   <li>one substitute at a time: a period that overlaps one of the user's own is refused (end that one first);</li>
 *   <li>no chains: a substitute who is themselves absent on any day of the period is refused, and so is a user who
 *       stands in for someone else on a day of their own absence;</li>
 *   <li>the absent user or the substitute may end it early (or cancel it before it starts); from then on the substitute
 *       no longer sees the absent user's tasks, and what they decided stays recorded with both names.</li>
 * </ul>
 */
@Service
public class Substitutions {

  public static final int MAX_DAYS = 366;

  private final SubstitutionStore store;
  private final IdentityService identity;
  private final AsSystem asSystem;
  private final TenantRegistry registry;
  private final AuditLog audit;
  private final RequestChecks checks;
  private final Clock clock;

  Substitutions(SubstitutionStore store, IdentityService identity, AsSystem asSystem, TenantRegistry registry, AuditLog audit,
      RequestChecks checks, Clock clock) {
    this.checks = checks;
    this.store = store;
    this.identity = identity;
    this.asSystem = asSystem;
    this.registry = registry;
    this.audit = audit;
    this.clock = clock;
  }

  /** The user's substitutions, as the absent user or as the substitute, newest first. */
  public List<Substitution> of(String username) {
    return store.involving(username);
  }

  /** Names {@code substitute} for the user's absence from {@code from} to {@code to}; refused by the rules above. */
  @Transactional
  public Substitution name(MuniFlowUser absent, String substitute, LocalDate from, LocalDate to) {
    NewSubstitution request = new NewSubstitution(substitute, from, to);
    List<InvalidInputException.FieldProblem> problems = new ArrayList<>(checks.problemsOf(request));
    LocalDate today = JapanTime.today(clock);
    if (from != null && to != null) {
      if (to.isBefore(today)) {
        problems.add(new InvalidInputException.FieldProblem("endsOn", "substitution.past"));
      } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
        problems.add(new InvalidInputException.FieldProblem("endsOn", "substitution.too-long", MAX_DAYS));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    String who = request.substitute();

    Secretariat secretariat = sharedSecretariat(absent, who);
    if (isManager(absent.username(), secretariat) && !isManager(who, secretariat)
        && !secretariat.anyMemberMaySubstituteManagers()) {
      throw BusinessRuleException.unprocessable("substitution.managers-only", who, secretariat.managersGroup());
    }
    for (Substitution own : store.asAbsent(absent.username())) {
      if (own.overlaps(from, to)) {
        throw BusinessRuleException.conflict("substitution.overlap", own.substitute(), own.startsOn(), own.endsOn());
      }
    }
    for (Substitution theirs : store.asAbsent(who)) {
      if (theirs.overlaps(from, to)) {
        throw BusinessRuleException.conflict("substitution.substitute-absent", who, theirs.startsOn(), theirs.endsOn());
      }
    }
    for (Substitution standing : store.asSubstitute(absent.username())) {
      if (standing.overlaps(from, to)) {
        throw BusinessRuleException.conflict("substitution.absent-stands-in", standing.absentUser(), standing.startsOn(),
            standing.endsOn());
      }
    }
    long id = store.insert(absent.username(), who, secretariat.id(), from, to, absent.username(), clock.instant());
    audit.record(absent.username(), "substitution.named", null, "substitution/" + id,
        absent.username() + " → " + who + " " + from + ".." + to);
    return store.find(id).orElseThrow();
  }

  /** Ends a substitution at once (or cancels it before it starts): by the absent user or the substitute. */
  @Transactional
  public Substitution end(MuniFlowUser user, long id) {
    Substitution s = store.lock(id).filter(x -> x.absentUser().equals(user.username()) || x.substitute().equals(user.username()))
        .orElseThrow(() -> new NotFoundException("substitution.not-found"));
    Substitution.State state = s.stateOn(JapanTime.today(clock));
    if (state == Substitution.State.ENDED || state == Substitution.State.OVER) {
      throw BusinessRuleException.conflict("substitution.already-ended");
    }
    store.end(id, user.username(), clock.instant());
    audit.record(user.username(), "substitution.ended", null, "substitution/" + id,
        s.absentUser() + " → " + s.substitute() + " " + s.startsOn() + ".." + s.endsOn());
    return store.find(id).orElseThrow();
  }

  /** For whom the user stands in today, with the absent users' groups. */
  public List<StandIn> standingInFor(String substitute) {
    LocalDate today = JapanTime.today(clock);
    return store.asSubstitute(substitute).stream().filter(s -> s.stateOn(today) == Substitution.State.ACTIVE)
        .map(s -> new StandIn(s.id(), s.absentUser(), s.substitute(), groupsOf(s.absentUser())))
        .toList();
  }

  /** Who stands in for the user today, if anyone. */
  public Optional<String> substituteOf(String absentUser) {
    LocalDate today = JapanTime.today(clock);
    return store.asAbsent(absentUser).stream().filter(s -> s.stateOn(today) == Substitution.State.ACTIVE)
        .map(Substitution::substitute).findFirst();
  }

  /** The members of the user's secretariats that the user may name (for the page's choice), without the user. */
  public List<String> candidates(MuniFlowUser absent) {
    return secretariatsOf(absent.username()).stream().flatMap(sec -> {
      boolean managersOnly = isManager(absent.username(), sec) && !sec.anyMemberMaySubstituteManagers();
      List<String> groups = managersOnly ? List.of(sec.managersGroup()) : List.of(sec.managersGroup(), sec.reviewersGroup());
      return groups.stream().flatMap(g -> asSystem.call(() -> identity.createUserQuery().memberOfGroup(g).list()).stream())
          .map(u -> u.getId());
    }).filter(u -> !u.equals(absent.username())).distinct().sorted().toList();
  }

  private Secretariat sharedSecretariat(MuniFlowUser absent, String substitute) {
    List<Secretariat> own = secretariatsOf(absent.username());
    if (own.isEmpty()) {
      throw BusinessRuleException.forbidden("substitution.not-secretariat");
    }
    if (substitute.equals(absent.username())) {
      throw BusinessRuleException.unprocessable("substitution.self");
    }
    if (asSystem.call(() -> identity.createUserQuery().userId(substitute).count()) == 0) {
      throw BusinessRuleException.unprocessable("substitution.unknown-user", substitute);
    }
    List<Secretariat> theirs = secretariatsOf(substitute);
    return own.stream().filter(theirs::contains).findFirst()
        .orElseThrow(() -> BusinessRuleException.unprocessable("substitution.other-secretariat", substitute));
  }

  private List<Secretariat> secretariatsOf(String user) {
    return groupsOf(user).stream().map(GroupIds::secretariatOfGroup).flatMap(Optional::stream).distinct()
        .map(registry::secretariat).flatMap(Optional::stream).toList();
  }

  private boolean isManager(String user, Secretariat secretariat) {
    return groupsOf(user).contains(secretariat.managersGroup());
  }

  private List<String> groupsOf(String user) {
    return asSystem.call(() -> identity.createGroupQuery().groupMember(user).list()).stream().map(Group::getId).toList();
  }

  /** What naming a substitute takes: who, and the first and last day (Japan's calendar). */
  @EndNotBeforeStart(start = "startsOn", end = "endsOn")
  record NewSubstitution(
      @NotBlank(message = "{input.required}") @PlainText(max = 64) String substitute,
      @NotNull(message = "{input.required}") LocalDate startsOn,
      @NotNull(message = "{input.required}") LocalDate endsOn) {

    NewSubstitution {
      substitute = RequestChecks.normalized(substitute);
    }
  }
}
