package jp.muniflow.ui;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names the pages show for things the models name: steps, processes, outcomes. In the page's language from the
 * bundles; a step of a model an administrator added later shows the name its model gives it.
 * Used in the templates as {@code ${@pageText.step(id, name)}}.
 */
@Component("pageText")
public class PageText {

  private final MessageSource messages;
  private final Viewer viewer;

  private final java.time.Clock clock;

  PageText(MessageSource messages, Viewer viewer, java.time.Clock clock) {
    this.messages = messages;
    this.viewer = viewer;
    this.clock = clock;
  }

  /**
   * A fiscal year as offices write it, named in the era in force today: 令和8年度; in English the western year with
   * the official name beside it, FY2026 (令和8年度).
   */
  public String fiscalYear(Integer fiscalYear) {
    if (fiscalYear == null) {
      return "";
    }
    String era = jp.muniflow.platform.JapaneseCalendar.formatFiscalYear(fiscalYear,
        jp.muniflow.platform.JapanTime.today(clock));
    return messages.getMessage("page.fiscal-year", new Object[] {era, String.valueOf(fiscalYear)},
        LocaleContextHolder.getLocale());
  }

  /**
   * A notice's type: in Japanese as printed on it (交付決定通知書); in English the English name with the printed,
   * official one beside it, Notice of Grant Decision (交付決定通知書). A template a municipality added later without
   * an English name shows the printed name alone.
   */
  public String noticeType(String templateKey, String printed) {
    java.util.Locale locale = LocaleContextHolder.getLocale();
    if (java.util.Locale.JAPANESE.getLanguage().equals(locale.getLanguage())) {
      return printed;
    }
    String english = messages.getMessage("notice.type." + templateKey, null, null, locale);
    return english == null || english.equals(printed) ? printed
        : messages.getMessage("page.notices.type.translated", new Object[] {english, printed}, locale);
  }

  /**
   * How many rows a list holds, as its filters say it: 「12件」, or 「1,000件以上」 where the list was counted no further
   * (the task list's counts stop at {@code jp.muniflow.task.MyTasks#COUNT_LIMIT}); in English 12 and 1,000+.
   */
  public String count(long n, boolean exact) {
    return messages.getMessage(exact ? "page.count.exact" : "page.count.at-least", new Object[] {n},
        LocaleContextHolder.getLocale());
  }

  /** A task list's count, counted up to one more than the task list's limit: more than that shows as the limit and more. */
  public String taskCount(long n) {
    long limit = jp.muniflow.task.MyTasks.COUNT_LIMIT;
    return count(Math.min(n, limit), n <= limit);
  }

  /** The secretariats of a plan's program, by name. */
  public String secretariats(java.util.List<String> ids) {
    java.util.Locale locale = LocaleContextHolder.getLocale();
    return String.join(", ", ids.stream().map(id -> viewer.secretariatName(id, locale)).toList());
  }

  public String step(String id, String modelName) {
    return messages.getMessage("step." + id, null, modelName == null ? id : modelName, LocaleContextHolder.getLocale());
  }

  public String outcome(String decision) {
    if (decision == null || decision.isEmpty()) {
      return "";
    }
    return messages.getMessage("outcome." + decision, null, decision, LocaleContextHolder.getLocale());
  }

  /**
   * The day a notice was issued, as the notice itself prints it: 令和8年12月6日; in English the western date with the
   * printed one beside it, 2026-12-06 (令和8年12月6日).
   */
  public String issuedOn(java.time.Instant instant) {
    if (instant == null) {
      return "";
    }
    java.time.LocalDate day = instant.atZone(jp.muniflow.platform.JapanTime.ZONE).toLocalDate();
    return messages.getMessage("page.issued-on",
        new Object[] {jp.muniflow.platform.JapaneseCalendar.format(day), day.toString()}, LocaleContextHolder.getLocale());
  }

  /** A moment as Japan's local time, to the minute. */
  public String at(java.time.Instant instant) {
    return instant == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .format(instant.atZone(jp.muniflow.platform.JapanTime.ZONE));
  }

  /** A moment as Japan's local time, to the second: the audit log's. */
  public String atSecond(java.time.Instant instant) {
    return instant == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .format(instant.atZone(jp.muniflow.platform.JapanTime.ZONE));
  }

  /** A moment of the engine as Japan's local time, to the minute. */
  public String at(java.time.OffsetDateTime moment) {
    return moment == null ? "" : at(moment.toInstant());
  }

  /** The day of a moment in Japan, for due dates. */
  public String day(java.time.OffsetDateTime moment) {
    return moment == null ? "" : moment.atZoneSameInstant(jp.muniflow.platform.JapanTime.ZONE).toLocalDate().toString();
  }

  public String yen(Long amount) {
    if (amount == null) {
      return "";
    }
    return messages.getMessage("page.yen", new Object[] {String.format("%,d", amount)}, LocaleContextHolder.getLocale());
  }
}
