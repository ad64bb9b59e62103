package jp.muniflow.subsidy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The median and the 90th percentile by nearest rank: always one of the values, never between two. */
class DashboardChartsRankTest {

  @Test
  void nearest_rank_median_and_ninetieth_percentile() {
    List<Long> ten = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 100L);
    assertThat(DashboardCharts.rank(ten, 0.5)).isEqualTo(5);
    assertThat(DashboardCharts.rank(ten, 0.9)).isEqualTo(9);
    assertThat(DashboardCharts.rank(List.of(4L), 0.5)).isEqualTo(4);
    assertThat(DashboardCharts.rank(List.of(4L), 0.9)).isEqualTo(4);
    assertThat(DashboardCharts.rank(List.of(1L, 2L, 3L), 0.5)).isEqualTo(2);
    assertThat(DashboardCharts.rank(List.of(1L, 2L, 3L), 0.9)).isEqualTo(3);
  }
}
