package jp.muniflow.campaign.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import jp.muniflow.processes.campaign.CampaignEntry;
import jp.muniflow.processes.campaign.CampaignRecords;
import jp.muniflow.processes.campaign.CampaignTableRequest;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign steps' port: keeps the entries and publishes the table, in the step's job transaction (a failed job
 * leaves nothing behind, a retried one writes the same rows again). The CSV is written once, in Japanese, when the
 * table is published, and kept with it: it is the published file. The PDF is drawn from the stored table when it is
 * asked for, in the reader's language, as the annual report is — the same figures, no second copy to keep.
 */
@Service
class StoredCampaignRecords implements CampaignRecords {

  private final CampaignStore store;
  private final TenantRegistry registry;
  private final CampaignTableCsv csv;
  private final Clock clock;

  StoredCampaignRecords(CampaignStore store, TenantRegistry registry, CampaignTableCsv csv, Clock clock) {
    this.store = store;
    this.registry = registry;
    this.csv = csv;
    this.clock = clock;
  }

  @Override
  @Transactional
  public int collect(CampaignEntry entry) {
    store.putEntry(new CampaignStore.Entry(entry.campaignInstanceId(), entry.memberProcessKey(), entry.tenantId(),
        entry.fiscalYear(), entry.figures(), Instant.now(clock)));
    return store.entryCount(entry.campaignInstanceId());
  }

  @Override
  @Transactional
  public void publish(CampaignTableRequest request) {
    if (registry.secretariat(request.issuerId()).isEmpty()) {
      throw new IllegalStateException("the campaign " + request.campaignInstanceId() + " names no secretariat as the "
          + "issuer of its table: " + request.issuerId());
    }
    CampaignTable table = CampaignTables.build(request.columns(), request.labels(), request.tenantIds(),
        store.entries(request.campaignInstanceId()),
        store.publication(request.memberProcessKey(), request.fiscalYear() - 1), registry);
    store.putPublication(new CampaignStore.Publication(request.campaignInstanceId(), request.memberProcessKey(),
        request.title(), request.fiscalYear(), request.issuerId(), Instant.now(clock), table,
        csv.write(table, Locale.JAPANESE)));
  }
}
