package jp.muniflow.notice;

import java.time.LocalDate;
import java.util.List;

/**
 * A report in the notice style (事業実績 and the like): printed like a notice — A4, the bundled fonts, the date in the
 * era, the issuer with its representative, lines broken by the Japanese rules (禁則) — but not issued: it takes no
 * document number, no verification code and no seal, and it is not stored, since it is drawn afresh from the figures
 * each time it is asked for.
 *
 * @param issuerId the secretariat that issues it (its name and representative are printed at the top right)
 * @param language {@code ja} or {@code en}
 * @param issuedOn the day it is drawn, printed in the era ({@code en}: in the western calendar)
 * @param addressee to whom it is addressed, printed at the left with its honorific, or {@code null}
 * @param title the title, centred
 * @param subject the line under the title, or {@code null}
 * @param introduction paragraphs before the tables
 * @param sections the tables, each under its heading
 * @param notes paragraphs after the tables (how the figures are counted)
 * @param footer the text at the foot of every page
 */
public record ReportDocument(String issuerId, String language, LocalDate issuedOn, String addressee, String title,
    String subject, List<String> introduction, List<Section> sections, List<String> notes, String footer) {

  public ReportDocument {
    introduction = List.copyOf(introduction);
    sections = List.copyOf(sections);
    notes = List.copyOf(notes);
  }

  /** A table under its heading; a last row that is a total is printed in the heading font. */
  public record Section(String heading, List<Column> columns, List<List<String>> rows, boolean lastRowIsTotal) {

    public Section {
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
    }
  }

  /** A column: its label, its relative width, and whether it holds figures (set to the right). */
  public record Column(String label, float width, boolean numeric) {
  }
}
