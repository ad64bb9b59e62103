/**
 * Campaigns' results (issue 19): the entries the municipalities' accepted figures become ({@code mf_campaign_entry})
 * and the campaign's published table ({@code mf_campaign_publication}) with its JSON, CSV, PDF and chart. Implements
 * the {@code CampaignRecords} port of the processes. Before publication each municipality's staff see their own
 * entry and a secretariat its scope; after it, everyone signed in sees the table. The campaigns page links to the start
 * pages of the campaigns the user may start ({@code task}'s {@code ProcessStarts}).
 */
@ApplicationModule(allowedDependencies = {"engineadapter", "notice", "platform", "processes :: campaign", "security", "task", "tenants", "ui"})
package jp.muniflow.campaign;

import org.springframework.modulith.ApplicationModule;
