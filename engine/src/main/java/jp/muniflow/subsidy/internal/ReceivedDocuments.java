package jp.muniflow.subsidy.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.muniflow.attachment.StoredDocument;
import jp.muniflow.notice.NoticeValues;
import jp.muniflow.subsidy.SubsidyApplication;
import org.springframework.stereotype.Component;

/**
 * The receipt notice (受付通知書) lists the documents the application was received with, from their record: each
 * current one with its kind, its name and the first 16 digits of its SHA-256, one an item (the template numbers them),
 * so that the municipality can tell which files the secretariat holds ({@code receivedDocuments}). Internal notes are
 * never printed.
 */
@Component
class ReceivedDocuments implements NoticeValues {

  static final String RECEIPT = "subsidy.receipt";

  private final ApplicationStore applications;
  private final ApplicationDocuments documents;

  ReceivedDocuments(ApplicationStore applications, ApplicationDocuments documents) {
    this.applications = applications;
    this.documents = documents;
  }

  @Override
  public Map<String, Object> valuesFor(String templateKey, String businessKey, Map<String, Object> model) {
    if (!RECEIPT.equals(templateKey) || businessKey == null) {
      return Map.of();
    }
    SubsidyApplication a = applications.find(businessKey).orElse(null);
    if (a == null) {
      return Map.of();
    }
    boolean english = "en".equals(String.valueOf(model.get("language")));
    Map<String, String> labels = documents.labels(a, english ? Locale.ENGLISH : Locale.JAPANESE);
    List<StoredDocument> received = documents.received(a);
    if (received.isEmpty()) {
      return Map.of();
    }
    List<String> items = received.stream()
        .map(d -> labels.getOrDefault(d.kind(), d.kind()) + (english ? ": " : "　") + d.fileName()
            + (english ? " (SHA-256 " : "（SHA-256 ") + d.shortSha256() + (english ? ")" : "）"))
        .toList();
    return Map.of("receivedDocuments", items);
  }
}
