package jp.muniflow.report.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.muniflow.payment.Payment;
import jp.muniflow.payment.PaymentStatus;
import jp.muniflow.payment.PaymentsOfYear;
import jp.muniflow.plan.PlanDocument;
import jp.muniflow.plan.PlanQueries;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.subsidy.ApplicationQueries;
import jp.muniflow.subsidy.ApplicationStatus;
import jp.muniflow.subsidy.SubsidyApplication;
import jp.muniflow.subsidy.SubsidyYears;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.Secretariat;
import jp.muniflow.tenants.TenantRegistry;
import jp.muniflow.ui.PageText;
import jp.muniflow.ui.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts a fiscal year's results for the user's scope ({@link ReportScope}): every application of the year, its grant
 * decision (the granted amount of a granted, reported or confirmed application), its confirmation (the confirmed
 * amount), and the payments — paid ones and refund requests (返還請求) — attributed to the municipality paid and the
 * secretariat paying. A year never opened is not found.
 */
@Service
class AnnualReports {

  /** An application in one of these has its grant decided and holds its granted amount. */
  static final Set<ApplicationStatus> GRANTED = EnumSet.of(ApplicationStatus.GRANTED, ApplicationStatus.REPORTED,
      ApplicationStatus.CONFIRMED);

  private final ApplicationQueries applications;
  private final PaymentsOfYear payments;
  private final SubsidyYears years;
  private final PlanQueries plans;
  private final TenantRegistry registry;
  private final ReportScope scopes;
  private final Viewer viewer;
  private final PageText pageText;
  private final MessageSource messages;
  private final Clock clock;

  AnnualReports(ApplicationQueries applications, PaymentsOfYear payments, SubsidyYears years, PlanQueries plans,
      TenantRegistry registry, ReportScope scopes, Viewer viewer, PageText pageText, MessageSource messages,
      Clock clock) {
    this.applications = applications;
    this.payments = payments;
    this.years = years;
    this.plans = plans;
    this.registry = registry;
    this.scopes = scopes;
    this.viewer = viewer;
    this.pageText = pageText;
    this.messages = messages;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public AnnualReport of(MuniFlowUser user, int fiscalYear, Locale locale) {
    ReportScope.Scope scope = scopes.of(user);
    if (years.capOf(fiscalYear).isEmpty()) {
      throw new NotFoundException("report.year-not-found", String.valueOf(fiscalYear));
    }
    Map<String, Figures> byMunicipality = new LinkedHashMap<>();
    for (Municipality m : registry.municipalities()) {
      if (scope.includes(m.tenantId())) {
        byMunicipality.put(m.tenantId(), Figures.NONE);
      }
    }
    Map<String, Figures> bySecretariat = new HashMap<>();
    Figures program = Figures.NONE;
    List<String> tenants = scope.tenants().orElse(null);
    for (SubsidyApplication a : applications.ofYear(fiscalYear, tenants)) {
      Figures f = Figures.application(a.requestedAmount());
      if (GRANTED.contains(a.status()) && a.grantedAmount() != null) {
        f = f.plus(Figures.grant(a.grantedAmount()));
      }
      if (a.status() == ApplicationStatus.CONFIRMED && a.confirmedAmount() != null) {
        f = f.plus(Figures.confirmation(a.confirmedAmount()));
      }
      byMunicipality.merge(a.tenantId(), f, Figures::plus);
      bySecretariat.merge(secretariatOf(a), f, Figures::plus);
      program = program.plus(f);
    }
    for (Payment p : payments.of(fiscalYear, tenants)) {
      Figures f = p.status() == PaymentStatus.PAID ? Figures.payment(p.amount())
          : p.status() == PaymentStatus.REFUND_REQUESTED ? Figures.refund(p.amount()) : null;
      if (f != null) {
        byMunicipality.merge(p.tenantId(), f, Figures::plus);
        bySecretariat.merge(p.payingSecretariat(), f, Figures::plus);
        program = program.plus(f);
      }
    }

    List<AnnualReport.Line> municipalities = new ArrayList<>();
    byMunicipality.forEach((t, f) -> municipalities.add(new AnnualReport.Line(t, viewer.municipalityName(t, locale), f)));
    List<AnnualReport.Line> secretariats = new ArrayList<>();
    for (Secretariat s : registry.secretariats()) {
      Figures f = bySecretariat.remove(s.id());
      if (f != null) {
        secretariats.add(new AnnualReport.Line(s.id(), viewer.secretariatName(s.id(), locale), f));
      }
    }
    bySecretariat.forEach((id, f) -> secretariats.add(new AnnualReport.Line(id,
        messages.getMessage("report.secretariat.none", null, locale), f)));
    Figures total = municipalities.stream().map(AnnualReport.Line::figures).reduce(Figures.NONE, Figures::plus);
    LocalDate closedOn = payments.closedAt(fiscalYear).map(at -> LocalDate.ofInstant(at, JapanTime.ZONE)).orElse(null);
    return new AnnualReport(fiscalYear, pageText.fiscalYear(fiscalYear), scope.name(), JapanTime.today(clock), closedOn,
        List.of(subsidyProgram(fiscalYear, program, locale)), secretariats, municipalities, total);
  }

  /** The secretariat that decides the grant, or the one reviewing it while nobody has routed it further. */
  private static String secretariatOf(SubsidyApplication a) {
    return a.decidingSecretariat() != null ? a.decidingSecretariat()
        : a.reviewingSecretariat() != null ? a.reviewingSecretariat() : "";
  }

  /**
   * The plan's subsidy program: every application belongs to it (an application names no program of its own). A year
   * opened without an approved plan names it by the subsidy's general name.
   */
  private AnnualReport.Line subsidyProgram(int fiscalYear, Figures figures, Locale locale) {
    PlanDocument.Program p = plans.approved(fiscalYear).flatMap(plan -> plan.document().programs().stream()
        .filter(x -> x.subsidyCapYen() != null).findFirst()).orElse(null);
    return p == null ? new AnnualReport.Line("subsidy", messages.getMessage("report.program.subsidy", null, locale), figures)
        : new AnnualReport.Line(p.code() == null ? "subsidy" : p.code(), p.title(), figures);
  }
}
