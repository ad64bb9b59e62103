package jp.muniflow.processes.campaign;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One municipality's accepted figures in a campaign, as the collect step hands them over.
 *
 * @param campaignInstanceId the campaign's process instance
 * @param memberProcessKey the process the municipality ran (with the fiscal year, it finds last year's campaign)
 * @param tenantId the municipality
 * @param fiscalYear the campaign's fiscal year
 * @param figures the collected variables by name, in the order the step names them
 */
public record CampaignEntry(String campaignInstanceId, String memberProcessKey, String tenantId, int fiscalYear,
    Map<String, BigDecimal> figures) {

  public CampaignEntry {
    Objects.requireNonNull(campaignInstanceId, "campaignInstanceId");
    Objects.requireNonNull(memberProcessKey, "memberProcessKey");
    Objects.requireNonNull(tenantId, "tenantId");
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
  }
}
