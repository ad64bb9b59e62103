package jp.muniflow.campaign;

import java.util.Locale;
import java.util.Optional;
import jp.muniflow.ui.BarChart;

/**
 * The chart of the latest published campaign (the newest fiscal year, then the newest publication), for pages of
 * other features that show it beside their own charts: the secretariats' dashboard. Everyone signed in may see a
 * published table, so the chart needs no user.
 */
public interface LatestCampaignChart {

  /** The latest published campaign's chart, in the reader's language; empty while none is published. */
  Optional<Shown> latest(Locale locale);

  /**
   * @param campaignId the campaign, for the link to its page ({@code /campaigns/{id}})
   * @param title the table's title
   * @param fiscalYear its fiscal year
   * @param chart each municipality's total, this year's beside last year's
   */
  record Shown(String campaignId, String title, int fiscalYear, BarChart chart) {
  }
}
