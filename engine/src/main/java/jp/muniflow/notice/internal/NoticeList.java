package jp.muniflow.notice.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import jp.muniflow.notice.Notice;
import jp.muniflow.platform.JapanTime;

/**
 * The notices a person sees on the notices page, filtered as the page's form asks: by type (the template), by a
 * piece of the document number or the application number, and by the day of issue (from, to; Japan's days); newest
 * first.
 */
record NoticeList(String type, String text, LocalDate from, LocalDate to) {

  List<Notice> of(List<Notice> visible) {
    String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return visible.stream()
        .filter(n -> type == null || type.isBlank() || type.equals(n.templateKey()))
        .filter(n -> needle.isEmpty() || contains(n.documentNumber(), needle) || contains(n.businessKey(), needle))
        .filter(n -> from == null || !day(n.issuedAt()).isBefore(from))
        .filter(n -> to == null || !day(n.issuedAt()).isAfter(to))
        .sorted(Comparator.comparing(Notice::issuedAt).reversed().thenComparing(Notice::documentNumber))
        .toList();
  }

  private static boolean contains(String value, String needle) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
  }

  private static LocalDate day(Instant at) {
    return at.atZone(JapanTime.ZONE).toLocalDate();
  }
}
