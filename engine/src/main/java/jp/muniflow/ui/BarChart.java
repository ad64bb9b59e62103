package jp.muniflow.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A horizontal bar chart drawn on the server as SVG (the page's template writes the shapes laid out here): one group
 * of bars per category, one bar per series, each bar with its value written at its end, so that the picture reads
 * without an axis. No script draws it, so it shows without JavaScript; the page puts its data in a table beside it
 * for screen readers and for anyone who wants the figures (WCAG 1.1.1).
 *
 * @param id the figure's id on the page
 * @param title what it shows (the SVG's title and the figure's caption)
 * @param description a sentence a screen reader reads for the picture (the SVG's desc)
 * @param series the series, in legend order
 * @param categories the categories, top to bottom
 * @param bars the bars with their place
 * @param labels the categories' names and the bars' values with their place
 * @param labelWidth the room at the left for the categories' names
 * @param width the drawing's width in its own units
 * @param height the drawing's height in its own units
 */
public record BarChart(String id, String title, String description, List<Series> series, List<Category> categories,
    List<Bar> bars, List<Label> labels, int labelWidth, int width, int height) {

  public static final int WIDTH = 760;
  private static final int MIN_LABEL_WIDTH = 90;
  private static final int MAX_LABEL_WIDTH = 330;
  private static final int VALUE_ROOM = 130;
  private static final int BAR = 14;
  private static final int GAP = 12;
  private static final int LEGEND = 34;
  /** What stands where a series has no value. */
  public static final String MISSING = "—";

  /**
   * A series: its name, its colour (contrast of 3:1 or more against white) and its values by category; a value of null
   * is one the series does not have (no bar, a dash where its value would be, not a bar of 0).
   */
  public record Series(String name, String colour, List<Long> values) {
  }

  /** A category's name and the formatted values of its series, in series order (the table behind the chart). */
  public record Category(String name, List<String> values) {
  }

  public record Bar(float x, float y, float width, float height, String colour, String series) {
  }

  /** A text placed on the drawing: a category's name (anchored at its end) or a bar's value. */
  public record Label(float x, float y, String text, boolean end) {
  }

  public static BarChart of(String id, String title, String description, List<String> categoryNames, List<Series> series,
      LongFunction<String> format) {
    long max = 1;
    for (Series s : series) {
      for (Long v : s.values()) {
        if (v != null) {
          max = Math.max(max, v);
        }
      }
    }
    // room for the longest name at the left (12-unit text: a kanji about 12 units wide, a Latin letter about 7)
    int labelWidth = Math.min(MAX_LABEL_WIDTH, Math.max(MIN_LABEL_WIDTH,
        categoryNames.stream().mapToInt(BarChart::textWidth).max().orElse(0) + 12));
    float plot = WIDTH - labelWidth - VALUE_ROOM;
    int groupHeight = series.size() * BAR + GAP;
    List<Bar> bars = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    List<Category> categories = new ArrayList<>();
    for (int c = 0; c < categoryNames.size(); c++) {
      float top = LEGEND + c * groupHeight;
      labels.add(new Label(labelWidth - 8, top + series.size() * BAR / 2f + 4, categoryNames.get(c), true));
      List<String> values = new ArrayList<>();
      for (int s = 0; s < series.size(); s++) {
        Long v = series.get(s).values().get(c);
        float y = top + s * BAR;
        if (v == null) {
          labels.add(new Label(labelWidth + 4, y + BAR - 4, MISSING, false));
          values.add(MISSING);
          continue;
        }
        float w = plot * v / max;
        bars.add(new Bar(labelWidth, y, Math.max(w, v > 0 ? 1 : 0), BAR - 2, series.get(s).colour(), series.get(s).name()));
        labels.add(new Label(labelWidth + w + 4, y + BAR - 4, format.apply(v), false));
        values.add(format.apply(v));
      }
      categories.add(new Category(categoryNames.get(c), values));
    }
    int height = LEGEND + categoryNames.size() * groupHeight + 4;
    return new BarChart(id, title, description, List.copyOf(series), categories, bars, labels, labelWidth, WIDTH, height);
  }

  /** Where the legend's swatch of a series stands. */
  public float legendX(int index) {
    return 8 + index * 150f;
  }

  private static int textWidth(String text) {
    return text.codePoints().map(c -> c < 0x2E80 ? 7 : 12).sum();
  }
}
