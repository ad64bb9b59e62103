package jp.muniflow.campaign.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.muniflow.platform.NotFoundException;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.ui.Viewer;
import org.springframework.stereotype.Service;

/**
 * What a signed-in user may read of the campaigns: before a campaign's table is published, only the entries of the
 * municipalities in their scope ({@link CampaignScope}) — another municipality's entry is answered as missing, never
 * with its figures; once it is published, the table and every entry, for everyone.
 */
@Service
class Campaigns {

  /**
   * A campaign in the list: its process, year, and its title and day once published; while it runs, for those who
   * see every municipality, its process's name as its title and how many municipalities were asked and accepted.
   */
  record Summary(String id, String memberProcessKey, int fiscalYear, boolean published, String title,
      Instant publishedAt, Integer members, Integer accepted) {
  }

  record Entry(String tenantId, String municipality, Map<String, BigDecimal> figures, Instant updatedAt) {
  }

  record Entries(String campaignId, boolean published, List<Entry> entries) {
  }

  record Row(String tenantId, String municipality, boolean submitted, Map<String, BigDecimal> figures,
      BigDecimal total, BigDecimal previousTotal, BigDecimal change, BigDecimal changePercent) {
  }

  record Table(String campaignId, String title, int fiscalYear, String issuerId, String issuer, Instant publishedAt,
      List<String> columns, List<Row> rows, long submitted, Map<String, BigDecimal> totals, BigDecimal total,
      Integer previousFiscalYear, BigDecimal previousTotal, BigDecimal change, BigDecimal changePercent,
      Map<String, String> labels) {

    /** A column's heading: the publish step's, else the variable's name. */
    public String label(String column) {
      return labels.getOrDefault(column, column);
    }
  }

  private final CampaignStore store;
  private final CampaignScope scope;
  private final Viewer viewer;
  private final RunningCampaigns running;

  Campaigns(CampaignStore store, CampaignScope scope, Viewer viewer, RunningCampaigns running) {
    this.store = store;
    this.scope = scope;
    this.viewer = viewer;
    this.running = running;
  }

  /**
   * The published campaigns, and the unpublished ones that have an entry the user may see (and, for those who see
   * every municipality, every running campaign); newest year first.
   */
  List<Summary> list(MuniFlowUser user) {
    Map<String, Summary> found = new LinkedHashMap<>();
    store.publications().forEach(p -> found.put(p.campaignInstanceId(), new Summary(p.campaignInstanceId(),
        p.memberProcessKey(), p.fiscalYear(), true, p.title(), p.publishedAt(), null, null)));
    Optional<List<String>> tenants = scopeOrNone(user);
    if (tenants != null && tenants.isEmpty()) {
      running.all().forEach(r -> found.putIfAbsent(r.id(),
          new Summary(r.id(), null, r.fiscalYear(), false, r.name(), null, r.members(), r.accepted())));
    }
    if (tenants != null) {
      store.campaignsWithEntries(tenants.orElse(null)).forEach(c -> found.putIfAbsent(c.campaignInstanceId(),
          new Summary(c.campaignInstanceId(), c.memberProcessKey(), c.fiscalYear(), false, null, null, null, null)));
    }
    List<Summary> list = new ArrayList<>(found.values());
    list.sort(Comparator.comparingInt(Summary::fiscalYear).reversed().thenComparing(Summary::id));
    return list;
  }

  Entries entries(MuniFlowUser user, String campaignId, Locale locale) {
    boolean published = store.publication(campaignId).isPresent();
    List<CampaignStore.Entry> all = store.entries(campaignId);
    List<CampaignStore.Entry> visible = published ? all : visibleTo(user, all);
    if (!published && visible.isEmpty()) {
      throw new NotFoundException("campaign.not-found");
    }
    return new Entries(campaignId, published, visible.stream().map(e -> new Entry(e.tenantId(),
        viewer.municipalityName(e.tenantId(), locale), e.figures(), e.updatedAt())).toList());
  }

  /** The published table; a campaign not (yet) published answers 404, as an unknown one does. */
  CampaignStore.Publication publication(String campaignId) {
    return store.publication(campaignId).orElseThrow(() -> new NotFoundException("campaign.not-published"));
  }

  Table table(String campaignId, Locale locale) {
    CampaignStore.Publication p = publication(campaignId);
    CampaignTable t = p.table();
    List<Row> rows = t.rows().stream().map(r -> new Row(r.tenantId(), viewer.municipalityName(r.tenantId(), locale),
        r.submitted(), r.figures(), r.total(), r.previousTotal(), r.change(), r.changePercent())).toList();
    return new Table(p.campaignInstanceId(), p.title(), p.fiscalYear(), p.issuerId(),
        viewer.secretariatName(p.issuerId(), locale), p.publishedAt(), t.columns(), rows, t.submitted(), t.totals(),
        t.total(), t.previousFiscalYear(), t.previousTotal(), t.change(), t.changePercent(), t.labels());
  }

  private List<CampaignStore.Entry> visibleTo(MuniFlowUser user, List<CampaignStore.Entry> entries) {
    Optional<List<String>> tenants = scope.of(user);
    return entries.stream().filter(e -> tenants.map(t -> t.contains(e.tenantId())).orElse(true)).toList();
  }

  /** The user's scope, or {@code null} if they have none (they still see the published campaigns). */
  private Optional<List<String>> scopeOrNone(MuniFlowUser user) {
    try {
      return scope.of(user);
    } catch (jp.muniflow.platform.BusinessRuleException refused) {
      return null;
    }
  }
}
