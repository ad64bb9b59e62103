package jp.muniflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bars' lengths follow their values, every bar is labelled with its value, and long names get their room. */
class BarChartTest {

  @Test
  void bars_are_as_long_as_their_values_and_each_carries_its_value() {
    BarChart chart = BarChart.of("c", "金額", "説明", List.of("目黒区", "武蔵野市"),
        List.of(new BarChart.Series("交付決定額", "#1d4d2f", List.of(1_000_000L, 500_000L)),
            new BarChart.Series("支払額", "#8a4b00", List.of(0L, 250_000L))),
        v -> String.format("%,d円", v));

    assertThat(chart.bars()).hasSize(4);
    BarChart.Bar longest = chart.bars().get(0);
    assertThat(chart.bars().get(2).width()).isEqualTo(longest.width() / 2);
    assertThat(chart.bars().get(3).width()).isEqualTo(longest.width() / 4);
    assertThat(chart.bars().get(1).width()).as("nothing paid: no bar").isZero();
    assertThat(longest.x() + longest.width()).isLessThanOrEqualTo(chart.width());
    assertThat(chart.labels()).extracting(BarChart.Label::text)
        .containsExactly("目黒区", "1,000,000円", "0円", "武蔵野市", "500,000円", "250,000円");
    assertThat(chart.categories().get(1).values()).containsExactly("500,000円", "250,000円");
    assertThat(chart.bars().get(2).y()).isGreaterThan(chart.bars().get(1).y());
  }

  @Test
  void a_long_name_moves_the_bars_to_the_right_so_that_it_is_not_cut() {
    BarChart shortNames = BarChart.of("c", "t", "d", List.of("北区"),
        List.of(new BarChart.Series("s", "#1d4d2f", List.of(1L))), String::valueOf);
    BarChart longNames = BarChart.of("c", "t", "d", List.of("Tokyo Association of Towns and Villages"),
        List.of(new BarChart.Series("s", "#1d4d2f", List.of(1L))), String::valueOf);

    assertThat(longNames.labelWidth()).isGreaterThan(shortNames.labelWidth()).isGreaterThanOrEqualTo(39 * 7);
    assertThat(longNames.bars().get(0).x()).isEqualTo(longNames.labelWidth());
  }

  @Test
  void a_value_a_series_does_not_have_is_a_dash_not_a_bar_of_zero() {
    java.util.ArrayList<Long> lastYear = new java.util.ArrayList<>(List.of(900L));
    lastYear.add(null);
    BarChart chart = BarChart.of("c", "t", "d", List.of("千代田区", "八王子市"),
        List.of(new BarChart.Series("令和9年度", "#0017c1", List.of(1000L, 3000L)),
            new BarChart.Series("令和8年度", "#006f83", lastYear)), String::valueOf);

    assertThat(chart.bars()).extracting(BarChart.Bar::series).containsExactly("令和9年度", "令和8年度", "令和9年度");
    assertThat(chart.labels()).extracting(BarChart.Label::text)
        .containsExactly("千代田区", "1000", "900", "八王子市", "3000", BarChart.MISSING);
    assertThat(chart.categories().get(1).values()).containsExactly("3000", BarChart.MISSING);
    assertThat(chart.bars().get(2).width()).as("the longest bar is this year's 3000").isEqualTo(
        chart.width() - chart.labelWidth() - 130f);
  }
}
