package jp.muniflow.processes.campaign;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the publish step asks to be published: the table of a campaign's entries over the municipalities the campaign
 * was sent to.
 *
 * @param campaignInstanceId the campaign's process instance
 * @param memberProcessKey the process the municipalities ran
 * @param fiscalYear the campaign's fiscal year
 * @param title the table's title
 * @param columns the collected variables the table shows, in order
 * @param issuerId the secretariat named on the PDF
 * @param tenantIds the municipalities the campaign was sent to: each one a row, with or without an entry
 * @param labels the columns' headings by column (産業 for {@code industry}); a column without one shows its name
 */
public record CampaignTableRequest(String campaignInstanceId, String memberProcessKey, int fiscalYear, String title,
    List<String> columns, String issuerId, List<String> tenantIds, Map<String, String> labels) {

  public CampaignTableRequest(String campaignInstanceId, String memberProcessKey, int fiscalYear, String title,
      List<String> columns, String issuerId, List<String> tenantIds) {
    this(campaignInstanceId, memberProcessKey, fiscalYear, title, columns, issuerId, tenantIds, Map.of());
  }

  public CampaignTableRequest {
    Objects.requireNonNull(campaignInstanceId, "campaignInstanceId");
    Objects.requireNonNull(memberProcessKey, "memberProcessKey");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(issuerId, "issuerId");
    columns = List.copyOf(columns);
    tenantIds = List.copyOf(tenantIds);
    labels = Map.copyOf(labels);
  }
}
