package jp.muniflow.campaign.internal;

import java.time.LocalDate;
import java.util.Locale;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A campaign's published table: the chart (SVG drawn on the server, its figures behind a disclosure that works without
 * JavaScript), the table with 未提出 rows, totals and change, and the PDF and CSV downloads. 404 until published.
 */
@PageController
class CampaignPage {

  private final Campaigns campaigns;
  private final CampaignChart chart;

  CampaignPage(Campaigns campaigns, CampaignChart chart) {
    this.campaigns = campaigns;
    this.chart = chart;
  }

  @GetMapping("/campaigns/{id}")
  String campaign(@PathVariable String id, Locale locale, Model model) {
    Campaigns.Table table = campaigns.table(id, locale);
    model.addAttribute("table", table);
    model.addAttribute("chart", chart.of(table, locale));
    model.addAttribute("publishedOn", LocalDate.ofInstant(table.publishedAt(), JapanTime.ZONE));
    return "campaign/table";
  }
}
