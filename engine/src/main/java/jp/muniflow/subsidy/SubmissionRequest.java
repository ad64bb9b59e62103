package jp.muniflow.subsidy;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import jp.muniflow.platform.EndNotBeforeStart;
import jp.muniflow.platform.PlainText;
import jp.muniflow.platform.WholeYen;
import jp.muniflow.platform.RequestChecks;

/**
 * A new application, as staff send it, with its checks (every problem reported at once by
 * {@link jp.muniflow.platform.RequestChecks}). The amount is read as a decimal so that a fraction can be refused with
 * a clear message rather than silently cut. The texts are kept as they are stored: Unicode NFC, stripped.
 */
@Schema(description = "新しい助成金申請 / a new subsidy application", example = """
    {"fiscalYear": 2026, "title": "公共施設のLED照明更新", "description": "区立図書館の照明をLEDに更新し、電力消費を削減する。",
     "requestedAmount": 1200000, "plannedStart": "2026-06-01", "plannedEnd": "2027-02-28"}""")
@EndNotBeforeStart(start = "plannedStart", end = "plannedEnd")
public record SubmissionRequest(
    @Schema(description = "会計年度（4月始まり、西暦） / fiscal year (April to March)", example = "2026")
    @NotNull(message = "{input.required}")
    @Min(value = 2000, message = "{input.fiscal-year.range}") @Max(value = 2100, message = "{input.fiscal-year.range}")
    Integer fiscalYear,
    @Schema(description = "事業名 / title", example = "公共施設のLED照明更新")
    @NotBlank(message = "{input.required}") @PlainText(max = SubmissionRequest.TITLE_MAX)
    String title,
    @Schema(description = "事業の内容 / description")
    @NotBlank(message = "{input.required}") @PlainText(max = SubmissionRequest.DESCRIPTION_MAX, multiline = true)
    String description,
    @Schema(description = "申請額（円、整数） / requested amount in whole yen", example = "1200000")
    @NotNull(message = "{input.required}") @WholeYen
    BigDecimal requestedAmount,
    @Schema(description = "事業開始日 / planned start", example = "2026-06-01")
    @NotNull(message = "{input.required}")
    LocalDate plannedStart,
    @Schema(description = "事業終了日 / planned end", example = "2027-02-28")
    @NotNull(message = "{input.required}")
    LocalDate plannedEnd) {

  public static final int TITLE_MAX = 200;
  public static final int DESCRIPTION_MAX = 4000;

  public SubmissionRequest {
    title = RequestChecks.normalized(title);
    description = RequestChecks.normalized(description);
  }
}
