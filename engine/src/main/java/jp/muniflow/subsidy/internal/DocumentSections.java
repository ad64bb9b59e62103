package jp.muniflow.subsidy.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.muniflow.attachment.AttachmentProperties;
import jp.muniflow.attachment.DocumentRequirement;
import jp.muniflow.attachment.Sizes;
import jp.muniflow.attachment.StagedDocument;
import jp.muniflow.platform.UploadPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the pages show of a step's documents: each kind it takes with what is staged for it, the control to add files,
 * and the errors of the last attempt; and the paths where uploads may be larger than other requests.
 */
@Configuration
class DocumentSections {

  /** The upload section of a step: where files go, and each kind with its staged files. */
  record Section(String action, String removeAction, List<KindView> kinds, String maxFile, String maxStep,
      boolean insideForm) {
  }

  /** One kind of document in the upload section. */
  record KindView(String kind, String field, String label, boolean required, String types, String accept, int maxFiles,
      List<ApplicationDocuments.StagedView> staged, String error) {
  }

  static Section section(String action, String removeAction, List<DocumentRequirement> requirements,
      List<StagedDocument> staged, Map<String, String> errors, Locale locale, AttachmentProperties limits,
      boolean insideForm) {
    Map<String, String> labels = ApplicationDocuments.labelsOf(requirements, locale);
    List<KindView> kinds = requirements.stream().map(r -> new KindView(r.kind(), ApplicationDocuments.field(r.kind()),
        r.label(locale), r.required(), r.typeLabels(), r.accept(), r.maxFiles(),
        staged.stream().filter(d -> d.kind().equals(r.kind())).map(d -> ApplicationDocuments.view(d, labels)).toList(),
        errors.get(ApplicationDocuments.field(r.kind())))).toList();
    return new Section(action, removeAction, kinds, Sizes.format(limits.maxFileSize().toBytes()),
        Sizes.format(limits.maxStepSize().toBytes()), insideForm);
  }

  /** Uploads of a whole step may be larger than any other request (multipart only; JSON keeps the general limit). */
  @Bean
  UploadPaths subsidyUploadPaths(AttachmentProperties properties) {
    return new UploadPaths(properties.maxRequestBytes(), List.of("/api/subsidy-applications",
        "/api/subsidy-applications/next/documents", "/api/subsidy-applications/*/tasks/*/documents", "/applications",
        "/applications/new/documents", "/applications/new/documents/*/remove", "/applications/*/tasks/*/documents"));
  }
}
