package jp.muniflow.processes.campaign;

/**
 * The port through which the campaign steps keep a campaign's entries and publish its table. The engine's campaign
 * feature implements it (storage, who sees what, the PDF and CSV); the steps only say what to keep.
 */
public interface CampaignRecords {

  /**
   * Keeps a municipality's entry, replacing the one it had in the campaign: a retried job, or a municipality sent
   * back and accepted again, leaves one entry, the last one accepted.
   *
   * @return how many municipalities' entries the campaign holds now, this one included
   */
  int collect(CampaignEntry entry);

  /** Builds the campaign's table from its entries and publishes it, replacing an earlier publication of the campaign. */
  void publish(CampaignTableRequest request);
}
