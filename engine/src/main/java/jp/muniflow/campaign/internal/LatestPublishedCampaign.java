package jp.muniflow.campaign.internal;

import java.util.Locale;
import java.util.Optional;
import jp.muniflow.campaign.LatestCampaignChart;
import org.springframework.stereotype.Service;

/** The latest published table's chart, drawn as the campaign's own page draws it. */
@Service
class LatestPublishedCampaign implements LatestCampaignChart {

  private final CampaignStore store;
  private final Campaigns campaigns;
  private final CampaignChart chart;

  LatestPublishedCampaign(CampaignStore store, Campaigns campaigns, CampaignChart chart) {
    this.store = store;
    this.campaigns = campaigns;
    this.chart = chart;
  }

  @Override
  public Optional<Shown> latest(Locale locale) {
    // publications() is ordered by fiscal year, then publication, the newest first
    return store.publications().stream().findFirst().map(p -> {
      Campaigns.Table table = campaigns.table(p.campaignInstanceId(), locale);
      return new Shown(table.campaignId(), table.title(), table.fiscalYear(), chart.of(table, locale));
    });
  }
}
