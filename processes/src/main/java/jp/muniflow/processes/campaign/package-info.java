/**
 * Campaigns: one instance of a process started for every municipality of a set at once (the GHG emissions survey of
 * the plan's program 〔1〕②), its accepted figures collected and its table published — building blocks an
 * administrator puts into a model ({@link jp.muniflow.processes.campaign.StartCampaignDelegate},
 * {@link jp.muniflow.processes.campaign.CollectCampaignEntryDelegate},
 * {@link jp.muniflow.processes.campaign.PublishCampaignTableDelegate}), and the port through which the engine keeps
 * the entries and the publications ({@link jp.muniflow.processes.campaign.CampaignRecords}). A named interface of the
 * {@code processes} module.
 */
@NamedInterface("campaign")
package jp.muniflow.processes.campaign;

import org.springframework.modulith.NamedInterface;
