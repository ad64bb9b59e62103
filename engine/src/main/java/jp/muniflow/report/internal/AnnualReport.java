package jp.muniflow.report.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A fiscal year's results (事業実績) as the user may see them.
 *
 * @param fiscalYear the western year the fiscal year begins in
 * @param fiscalYearName the year as offices write it (令和8年度; in English FY2026 (令和8年度))
 * @param scope whose figures these are: {@code all}, {@code secretariat} (the municipalities of the user's
 *     secretariats) or {@code municipality} (the user's own)
 * @param asOf the day the figures were read (a running year's change until it is closed)
 * @param closedOn the day the coordinator closed the year (年度末の締め), or null while it runs
 * @param programs per program of the plan (applications belong to its subsidy program)
 * @param secretariats per secretariat deciding the grants and paying them
 * @param municipalities per municipality in the scope, with no application too
 * @param total the sum of the municipalities
 */
public record AnnualReport(int fiscalYear, String fiscalYearName, String scope, LocalDate asOf, LocalDate closedOn,
    List<Line> programs,
    List<Line> secretariats, List<Line> municipalities, Figures total) {

  /** One line: what it counts ({@code code}: the program's, secretariat's id or municipality code), its name, figures. */
  public record Line(String code, String name, Figures figures) {
  }
}
