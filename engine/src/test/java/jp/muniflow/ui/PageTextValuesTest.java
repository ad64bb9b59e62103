package jp.muniflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import jp.muniflow.platform.JapanTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Years on the pages as offices write them: in the era of the day, the western year beside it in English; notice
 * types in English with the official Japanese name beside them.
 */
class PageTextValuesTest {

  private final PageText text = new PageText(bundles(), null,
      Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), JapanTime.ZONE));

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void in_japanese_the_year_is_named_in_the_era() {
    LocaleContextHolder.setLocale(Locale.JAPANESE);
    assertThat(text.fiscalYear(2026)).isEqualTo("令和8年度");
    assertThat(text.fiscalYear(2019)).as("renamed with the era").isEqualTo("令和元年度");
    assertThat(text.fiscalYear(2012)).isEqualTo("平成24年度");
    assertThat(text.fiscalYear(null)).isEmpty();
  }

  @Test
  void in_english_the_western_year_stands_beside_the_official_name() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(text.fiscalYear(2026)).isEqualTo("FY2026 (令和8年度)");
    assertThat(text.fiscalYear(2037)).as("no thousands separator").isEqualTo("FY2037 (令和19年度)");
  }

  @Test
  void notice_types_in_english_keep_the_official_japanese_name_beside_them() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(text.noticeType("subsidy.withdrawal", "取下げ受理通知")).isEqualTo("Notice of Withdrawal (取下げ受理通知)");
    assertThat(text.noticeType("tenant.own-notice", "独自の通知")).as("no English name: the printed one").isEqualTo("独自の通知");
    LocaleContextHolder.setLocale(Locale.JAPANESE);
    assertThat(text.noticeType("subsidy.withdrawal", "取下げ受理通知")).isEqualTo("取下げ受理通知");
  }

  private static ResourceBundleMessageSource bundles() {
    ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
    bundles.setBasename("messages");
    bundles.setDefaultEncoding("UTF-8");
    bundles.setFallbackToSystemLocale(false);
    return bundles;
  }
}
