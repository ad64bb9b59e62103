package jp.muniflow.attachment;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One kind of document a step requires or allows: e.g. 事業計画書, required, PDF or Word, one file.
 *
 * @param kind the code of the kind ({@code business-plan}); letters, digits and hyphens
 * @param label its name in Japanese (事業計画書)
 * @param labelEn its name in English (Business plan)
 * @param required whether the step cannot be submitted without it
 * @param types the file types it takes
 * @param maxFiles how many files of it one submission may hold
 */
public record DocumentRequirement(String kind, String label, String labelEn, boolean required, List<FileType> types,
    int maxFiles) {

  public DocumentRequirement {
    types = List.copyOf(types);
  }

  public String label(Locale locale) {
    return "en".equals(locale.getLanguage()) && labelEn != null && !labelEn.isBlank() ? labelEn : label;
  }

  public boolean takes(FileType type) {
    return types.contains(type);
  }

  /** The types as people read them: PDF, Excel, CSV. */
  public String typeLabels() {
    return types.stream().map(FileType::label).distinct().collect(Collectors.joining(", "));
  }

  /** The extensions a file chooser may offer (a hint only: the content decides). */
  public String accept() {
    Set<String> extensions = new java.util.LinkedHashSet<>();
    for (FileType t : types) {
      extensions.add("." + t.code());
      if (t == FileType.JPEG) {
        extensions.add(".jpg");
      }
    }
    return String.join(",", extensions);
  }
}
