package jp.muniflow.payment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import jp.muniflow.payment.Payment;
import jp.muniflow.plan.GrantRules;
import jp.muniflow.plan.SubmitPlan;
import jp.muniflow.platform.BusinessRuleException;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.ApplicationQueries;
import jp.muniflow.subsidy.ApplicationStatus;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.tenants.GroupIds;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of a fiscal year (年度末): what is still open, per municipality and per secretariat, as the user may see it;
 * and the close of the year by the coordinator, refused while any payment of the year is open (with their list).
 */
@Service
class YearEnd {

  /** An application in one of these has a step left before its year's money is settled. */
  static final Set<ApplicationStatus> OPEN_APPLICATIONS = EnumSet.of(ApplicationStatus.SUBMITTED,
      ApplicationStatus.IN_REVIEW, ApplicationStatus.CORRECTION_REQUESTED, ApplicationStatus.GRANTED,
      ApplicationStatus.REPORTED);

  private final ApplicationQueries applications;
  private final SubsidyYears years;
  private final PaymentStore payments;
  private final PaymentAccess access;
  private final TenantRegistry registry;
  private final JdbcClient jdbc;
  private final Clock clock;

  YearEnd(ApplicationQueries applications, SubsidyYears years, PaymentStore payments, PaymentAccess access,
      TenantRegistry registry, JdbcClient jdbc, Clock clock) {
    this.applications = applications;
    this.years = years;
    this.payments = payments;
    this.access = access;
    this.registry = registry;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Overview overview(MuniFlowUser user, int fiscalYear) {
    if (!years.isOpen(fiscalYear)) {
      throw new NotFoundException("payment.year-not-found", String.valueOf(fiscalYear));
    }
    Map<String, MunicipalityOpen> byMunicipality = new TreeMap<>();
    Map<String, int[]> bySecretariat = new TreeMap<>();
    // one query per open status: the list's limit then applies to each status, not to the whole year's applications
    List<SubsidyApplication> open = new ArrayList<>();
    OPEN_APPLICATIONS.forEach(status -> open.addAll(applications.list(user, status, fiscalYear)));
    open.sort(Comparator.comparing(SubsidyApplication::id));
    for (SubsidyApplication a : open) {
      municipality(byMunicipality, a.tenantId()).applications()
          .add(new OpenApplication(a.id(), a.title(), a.status(), a.decidingSecretariat()));
      if (a.decidingSecretariat() != null) {
        bySecretariat.computeIfAbsent(a.decidingSecretariat(), s -> new int[2])[0]++;
      }
    }
    List<String> tenants = user.isMemberOf(GroupIds.ADMINS) ? null : user.tenantIds();
    for (Payment p : payments.list(tenants, fiscalYear, null)) {
      if (p.status().isOpen() && access.canSee(user, p)) {
        municipality(byMunicipality, p.tenantId()).payments().add(OpenPayment.of(p));
        bySecretariat.computeIfAbsent(p.payingSecretariat(), s -> new int[2])[1]++;
      }
    }
    List<SecretariatOpen> secretariats = new ArrayList<>();
    bySecretariat.forEach((s, n) -> secretariats.add(new SecretariatOpen(s,
        registry.secretariat(s).map(x -> x.name()).orElse(s), n[0], n[1])));
    LocalDate closing = years.grantRulesOf(fiscalYear).flatMap(GrantRules::closingDate).orElse(null);
    return new Overview(fiscalYear, closing, closed(fiscalYear).orElse(null),
        List.copyOf(byMunicipality.values()), secretariats);
  }

  /**
   * Closes the year: the coordinator's managers or administrators; refused (409) while any payment of the year is
   * open, with the list of them, whoever's they are; refused once closed.
   */
  @Transactional
  public Closed close(MuniFlowUser user, int fiscalYear) {
    if (!mayClose(user)) {
      throw BusinessRuleException.forbidden("payment.close.coordinator-only");
    }
    if (!years.isOpen(fiscalYear)) {
      throw new NotFoundException("payment.year-not-found", String.valueOf(fiscalYear));
    }
    if (closed(fiscalYear).isPresent()) {
      throw BusinessRuleException.conflict("payment.close.already", String.valueOf(fiscalYear));
    }
    List<OpenPayment> open = payments.list(null, fiscalYear, null).stream().filter(p -> p.status().isOpen())
        .sorted(Comparator.comparing(Payment::tenantId).thenComparing(Payment::id)).map(OpenPayment::of).toList();
    if (!open.isEmpty()) {
      throw BusinessRuleException.conflict("payment.close.open-payments", String.valueOf(fiscalYear), open.size())
          .with("openPayments", open);
    }
    Instant now = Instant.now(clock);
    jdbc.sql("insert into mf_fiscal_year_close (fiscal_year, closed_by, closed_at) values (?, ?, ?)")
        .params(fiscalYear, user.username(), Timestamp.from(now)).update();
    return new Closed(fiscalYear, user.username(), now);
  }

  /**
   * How many payments of the year are open across every secretariat: what stands in the way of the close, for the one
   * who closes (a count only; the refused close lists them).
   */
  @Transactional(readOnly = true)
  public long openPaymentsOfYear(MuniFlowUser user, int fiscalYear) {
    if (!mayClose(user)) {
      throw BusinessRuleException.forbidden("payment.close.coordinator-only");
    }
    return payments.list(null, fiscalYear, null).stream().filter(p -> p.status().isOpen()).count();
  }

  /** The coordinator's managers and administrators close years. */
  boolean mayClose(MuniFlowUser user) {
    return user.isMemberOf(GroupIds.ADMINS) || user.isMemberOf(GroupIds.managers(SubmitPlan.COORDINATOR));
  }

  Optional<Closed> closed(int fiscalYear) {
    return jdbc.sql("select fiscal_year, closed_by, closed_at from mf_fiscal_year_close where fiscal_year = ?")
        .param(fiscalYear).query((rs, n) -> new Closed(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .optional();
  }

  private MunicipalityOpen municipality(Map<String, MunicipalityOpen> map, String tenantId) {
    return map.computeIfAbsent(tenantId, t -> new MunicipalityOpen(t,
        registry.municipality(t).map(m -> m.name()).orElse(t), new ArrayList<>(), new ArrayList<>()));
  }

  record Overview(int fiscalYear, LocalDate closingDate, Closed closed, List<MunicipalityOpen> municipalities,
      List<SecretariatOpen> secretariats) {
  }

  record MunicipalityOpen(String tenantId, String name, List<OpenApplication> applications, List<OpenPayment> payments) {
  }

  record SecretariatOpen(String secretariat, String name, int openApplications, int openPayments) {
  }

  record OpenApplication(String id, String title, ApplicationStatus status, String decidingSecretariat) {
  }

  record OpenPayment(String id, String applicationId, String tenantId, String kind, long amount, String status,
      String payingSecretariat) {
    static OpenPayment of(Payment p) {
      return new OpenPayment(p.id(), p.applicationId(), p.tenantId(), p.kind().name(), p.amount(), p.status().name(),
          p.payingSecretariat());
    }
  }

  record Closed(int fiscalYear, String closedBy, Instant closedAt) {
  }
}
