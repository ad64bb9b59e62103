package jp.muniflow.campaign.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code mf_campaign_entry} and {@code mf_campaign_publication}. */
@Repository
class CampaignStore {

  record Entry(String campaignInstanceId, String memberProcessKey, String tenantId, int fiscalYear,
      Map<String, BigDecimal> figures, Instant updatedAt) {
  }

  record Publication(String campaignInstanceId, String memberProcessKey, String title, int fiscalYear, String issuerId,
      Instant publishedAt, CampaignTable table, String csv) {
  }

  /** A campaign as the list shows it: its process and year, and its title once it is published. */
  record Campaign(String campaignInstanceId, String memberProcessKey, int fiscalYear) {
  }

  private static final TypeReference<LinkedHashMap<String, BigDecimal>> FIGURES = new TypeReference<>() { };

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  CampaignStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Replaces the municipality's entry of the campaign (delete and insert in the caller's transaction). */
  void putEntry(Entry entry) {
    jdbc.sql("delete from mf_campaign_entry where campaign_instance_id = ? and tenant_id = ?")
        .params(entry.campaignInstanceId(), entry.tenantId()).update();
    jdbc.sql("insert into mf_campaign_entry (campaign_instance_id, member_process_key, tenant_id, fiscal_year, figures,"
            + " updated_at) values (?, ?, ?, ?, ?, ?)")
        .params(entry.campaignInstanceId(), entry.memberProcessKey(), entry.tenantId(), entry.fiscalYear(),
            write(entry.figures()), Timestamp.from(entry.updatedAt()))
        .update();
  }

  int entryCount(String campaignInstanceId) {
    return jdbc.sql("select count(*) from mf_campaign_entry where campaign_instance_id = ?").param(campaignInstanceId)
        .query(Integer.class).single();
  }

  List<Entry> entries(String campaignInstanceId) {
    return jdbc.sql("select campaign_instance_id, member_process_key, tenant_id, fiscal_year, figures, updated_at"
            + " from mf_campaign_entry where campaign_instance_id = ? order by tenant_id")
        .param(campaignInstanceId).query((rs, n) -> entry(rs, n)).list();
  }

  /** The campaigns that have an entry of one of the tenants, or of any tenant ({@code null}). */
  List<Campaign> campaignsWithEntries(List<String> tenantIds) {
    if (tenantIds != null && tenantIds.isEmpty()) {
      return List.of();
    }
    String where = tenantIds == null ? "" : " where tenant_id in (:tenants)";
    var statement = jdbc.sql("select distinct campaign_instance_id, member_process_key, fiscal_year from mf_campaign_entry"
        + where);
    if (tenantIds != null) {
      statement = statement.param("tenants", tenantIds);
    }
    return statement.query((rs, n) -> new Campaign(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
  }

  void putPublication(Publication p) {
    jdbc.sql("delete from mf_campaign_publication where campaign_instance_id = ?").param(p.campaignInstanceId()).update();
    jdbc.sql("insert into mf_campaign_publication (campaign_instance_id, member_process_key, title, fiscal_year,"
            + " issuer_id, published_at, table_json, csv_text) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(p.campaignInstanceId(), p.memberProcessKey(), p.title(), p.fiscalYear(), p.issuerId(),
            Timestamp.from(p.publishedAt()), write(p.table()), p.csv())
        .update();
  }

  Optional<Publication> publication(String campaignInstanceId) {
    return jdbc.sql(PUBLICATION + " where campaign_instance_id = ?").param(campaignInstanceId)
        .query((rs, n) -> publication(rs, n)).optional();
  }

  /** The latest publication of a process's campaign of a fiscal year: last year's table for the change. */
  Optional<Publication> publication(String memberProcessKey, int fiscalYear) {
    return jdbc.sql(PUBLICATION + " where member_process_key = ? and fiscal_year = ? order by published_at desc")
        .params(memberProcessKey, fiscalYear).query((rs, n) -> publication(rs, n)).list().stream().findFirst();
  }

  List<Publication> publications() {
    return jdbc.sql(PUBLICATION + " order by fiscal_year desc, published_at desc").query((rs, n) -> publication(rs, n)).list();
  }

  private static final String PUBLICATION = "select campaign_instance_id, member_process_key, title, fiscal_year,"
      + " issuer_id, published_at, table_json, csv_text from mf_campaign_publication";

  private Entry entry(ResultSet rs, int n) throws SQLException {
    return new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), read(rs.getString(5), FIGURES),
        rs.getTimestamp(6).toInstant());
  }

  private Publication publication(ResultSet rs, int n) throws SQLException {
    return new Publication(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
        rs.getTimestamp(6).toInstant(), read(rs.getString(7), new TypeReference<CampaignTable>() { }), rs.getString(8));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a campaign's figures as JSON", e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a campaign's stored JSON", e);
    }
  }
}
