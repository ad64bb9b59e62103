package jp.muniflow.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians, ranges and percentiles of what a benchmark measured. */
final class Stats {

  private Stats() {
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  /** "median (min–max)" with one decimal. */
  static String spread(List<Double> values) {
    return String.format(Locale.ROOT, "%.1f (%.1f–%.1f)", median(values), min(values), max(values));
  }

  /** "median (min–max)" with two decimals, for ratios. */
  static String spread2(List<Double> values) {
    return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", median(values), min(values), max(values));
  }

  /** The nearest-rank percentile of the latencies, in milliseconds. */
  static double percentile(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }
}
