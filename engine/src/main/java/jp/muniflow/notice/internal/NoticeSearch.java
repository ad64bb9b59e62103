package jp.muniflow.notice.internal;

import java.time.LocalDate;
import jp.muniflow.platform.InvalidInputException;

/**
 * What the notices' list is searched by, the same on the page ({@code /notices}) and in the API: its type (the
 * template), free text ({@code q}: a piece of the document number or the application's number, or the municipality
 * by its name in kanji, kana or English), the fiscal year, the day of issue (from, to; Japan's days). Newest first.
 */
public record NoticeSearch(String type, String q, Integer fiscalYear, LocalDate from, LocalDate to) {

  public NoticeSearch {
    type = type == null || type.isBlank() ? null : type.strip();
    q = q == null || q.isBlank() ? null : q.strip();
    if (q != null && q.length() > 100) {
      throw InvalidInputException.of("q", "input.too-long", 100);
    }
  }
}
