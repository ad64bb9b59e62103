package jp.muniflow.subsidy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A new application, as staff send it. The amount is read as a decimal so that a fraction can be refused with a
 * clear message rather than silently cut.
 */
@Schema(description = "新しい助成金申請 / a new subsidy application", example = """
    {"fiscalYear": 2026, "title": "公共施設のLED照明更新", "description": "区立図書館の照明をLEDに更新し、電力消費を削減する。",
     "requestedAmount": 1200000, "plannedStart": "2026-06-01", "plannedEnd": "2027-02-28"}""")
public record SubmissionRequest(
    @Schema(description = "会計年度（4月始まり、西暦） / fiscal year (April to March)", example = "2026") Integer fiscalYear,
    @Schema(description = "事業名 / title", example = "公共施設のLED照明更新") String title,
    @Schema(description = "事業の内容 / description") String description,
    @Schema(description = "申請額（円、整数） / requested amount in whole yen", example = "1200000") BigDecimal requestedAmount,
    @Schema(description = "事業開始日 / planned start", example = "2026-06-01") LocalDate plannedStart,
    @Schema(description = "事業終了日 / planned end", example = "2027-02-28") LocalDate plannedEnd) {
}
