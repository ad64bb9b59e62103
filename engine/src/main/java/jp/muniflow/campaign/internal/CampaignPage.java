package jp.muniflow.campaign.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import jp.muniflow.platform.JapanTime;
import jp.muniflow.platform.PageController;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.task.ProcessStarts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
  private final ProcessStarts starts;

  CampaignPage(Campaigns campaigns, CampaignChart chart, ProcessStarts starts) {
    this.campaigns = campaigns;
    this.chart = chart;
    this.starts = starts;
  }

  /**
   * The campaigns the user may see: the published ones for everyone, the unpublished with an entry in their scope; and
   * above them the ones the user may start.
   */
  @GetMapping("/campaigns")
  String list(@AuthenticationPrincipal MuniFlowUser user, Model model) {
    List<Campaigns.Summary> list = campaigns.list(user);
    model.addAttribute("campaigns", list);
    // the campaigns the user may start themselves (the coordinator the year's GHG campaign)
    model.addAttribute("startable", starts.startable(user));
    model.addAttribute("publishedOn", list.stream().filter(c -> c.publishedAt() != null).collect(
        java.util.stream.Collectors.toMap(Campaigns.Summary::id, c -> LocalDate.ofInstant(c.publishedAt(), JapanTime.ZONE))));
    return "campaign/list";
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
