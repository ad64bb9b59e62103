package jp.muniflow.notice;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.muniflow.notice.internal.DocumentNumbers;
import jp.muniflow.notice.internal.NoticeContext;
import jp.muniflow.notice.internal.NoticeRenderer;
import jp.muniflow.notice.internal.NoticeSealer;
import jp.muniflow.notice.internal.NoticeStore;
import jp.muniflow.notice.internal.NoticeTemplate;
import jp.muniflow.notice.internal.NoticeTemplates;
import jp.muniflow.notice.internal.RenderedNotice;
import jp.muniflow.notice.internal.SealKeys;
import jp.muniflow.notice.internal.VerificationCodes;
import jp.muniflow.platform.JapaneseCalendar;
import jp.muniflow.processes.notice.IssuedNotice;
import jp.muniflow.processes.notice.NoticeIssuer;
import jp.muniflow.processes.notice.NoticeRequest;
import jp.muniflow.tenants.Municipality;
import jp.muniflow.tenants.Secretariat;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues notices: the one way a notice comes to exist. It takes the next document number of the issuer's fiscal
 * year, draws the verification code, renders the PDF (PDF/A-2b), seals it with the issuer's key (PAdES), and stores
 * the sealed bytes with their SHA-256, all in the caller's transaction (a process step's job, through Spring's
 * transaction manager on the engine's DataSource): when that transaction rolls back, the notice and its number go
 * with it. The same process step issues one notice however often it runs.
 *
 * <p>Processes reach it through the {@link NoticeIssuer} port: the notice belongs to the request's municipality and
 * is addressed to its head (千代田区長); the model's value {@code language} = {@code en} asks for English wording.
 */
@Service
public class NoticeIssuing implements NoticeIssuer {

  private final TenantRegistry registry;
  private final NoticeTemplates templates;
  private final NoticeRenderer renderer;
  private final DocumentNumbers numbers;
  private final NoticeStore store;
  private final NoticeProperties properties;
  private final NoticeSealer sealer;
  private final SealKeys keys;
  private final OwnAddress ownAddress;
  private final Clock clock;
  private final ObjectProvider<NoticeValues> values;
  private final ApplicationEventPublisher events;
  /** The features' values, looked up once at the first notice (each look-up walks the bean factory). */
  private volatile List<NoticeValues> valueSources;

  NoticeIssuing(TenantRegistry registry, NoticeTemplates templates, NoticeRenderer renderer, DocumentNumbers numbers,
      NoticeStore store, NoticeProperties properties, NoticeSealer sealer, SealKeys keys, OwnAddress ownAddress,
      Clock clock, ObjectProvider<NoticeValues> values, ApplicationEventPublisher events) {
    this.events = events;
    this.registry = registry;
    this.templates = templates;
    this.renderer = renderer;
    this.numbers = numbers;
    this.store = store;
    this.properties = properties;
    this.sealer = sealer;
    this.keys = keys;
    this.ownAddress = ownAddress;
    this.clock = clock;
    this.values = values;
  }

  @Override
  @Transactional
  public IssuedNotice issue(NoticeRequest request) {
    String addressee = request.tenantId() == null ? null : municipality(request.tenantId()).headTitle();
    Object language = request.model().get("language");
    Notice notice = issue(new NoticeDraft(request.templateKey(), request.tenantId(), request.issuerId(), addressee,
        request.model(), language == null ? null : language.toString(), request.processInstanceId(), request.stepKey(),
        request.businessKey()));
    return new IssuedNotice(notice.id(), notice.documentNumber());
  }

  /** Issues a notice, or returns the one its process step issued before. */
  @Transactional
  public Notice issue(NoticeDraft draft) {
    if (draft.processInstanceId() != null && draft.stepKey() != null) {
      Optional<Notice> existing = store.findByStep(draft.processInstanceId(), draft.stepKey());
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    Secretariat issuer = registry.secretariat(draft.issuerId())
        .orElseThrow(() -> new IllegalArgumentException("unknown issuing secretariat: " + draft.issuerId()));
    Municipality municipality = draft.tenantId() == null ? null : municipality(draft.tenantId());
    NoticeTemplate template = templates.find(draft.templateKey(), draft.tenantId(), issuer.id(), draft.language());

    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, properties.zone());
    int fiscalYear = JapaneseCalendar.fiscalYear(today);
    int serial = numbers.next(issuer.id(), fiscalYear);
    String documentNumber = DocumentNumbers.format(JapaneseCalendar.fiscalYearEra(fiscalYear, today), issuer.noticePrefix(), serial);

    // the page cannot print the hash of the file it is part of: it prints a code of its own, drawn before rendering
    String code = VerificationCodes.printed(VerificationCodes.next());
    RenderedNotice rendered = renderer.render(template, new NoticeContext(documentNumber, today, draft.addressee(), issuer,
        municipality, registry.secretariats(), model(draft), template.language(), ownAddress.verifyUrl(),
        properties.zone(), code));
    byte[] sealed = sealer.seal(rendered.pdf(), keys.of(issuer.id()), issuer.name(), now);
    Notice notice = new Notice(UUID.randomUUID().toString(), documentNumber, rendered.title(), draft.templateKey(),
        draft.tenantId(), issuer.id(), issuer.name(), draft.addressee(), rendered.subject(), now, sha256(sealed),
        draft.businessKey(), code, template.version());
    store.insert(notice, new NoticeStore.Origin(fiscalYear, serial, draft.processInstanceId(), draft.stepKey(),
        template.language()), sealed);
    events.publishEvent(new NoticeIssued(notice));
    return notice;
  }

  /**
   * The process's values, and over them those the features keep (an application's amounts, dates and names, the
   * year's grant rules): what a record holds is printed as the record holds it, never as a process variable of the
   * same name holds it, and what the record does not hold (a value it answers with {@code null}) is not printed.
   */
  private Map<String, Object> model(NoticeDraft draft) {
    Map<String, Object> model = new LinkedHashMap<>(draft.model());
    valueSources().forEach(v -> v.valuesFor(draft.templateKey(), draft.businessKey(), draft.model())
        .forEach((name, value) -> {
          if (value == null) {
            model.remove(name);
          } else {
            model.put(name, value);
          }
        }));
    return model;
  }

  private List<NoticeValues> valueSources() {
    List<NoticeValues> sources = valueSources;
    if (sources == null) {
      sources = values.orderedStream().toList();
      valueSources = sources;
    }
    return sources;
  }

  private Municipality municipality(String tenantId) {
    return registry.municipality(tenantId)
        .orElseThrow(() -> new IllegalArgumentException("unknown municipality: " + tenantId));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
