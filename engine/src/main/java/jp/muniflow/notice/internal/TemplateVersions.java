package jp.muniflow.notice.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import jp.muniflow.platform.BusinessRuleException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The notice templates administrators publish in the browser, in {@code mf_notice_template_version}: one row a
 * version, inserted once and never changed (on PostgreSQL a trigger refuses UPDATE and DELETE), so that the text an
 * issued notice was rendered from can always be shown again. The newest version of a key at a level in a language is
 * the one notices use.
 */
public final class TemplateVersions {

  /** The version a notice records when its template is a file bundled with MuniFlow. */
  public static final String BUNDLED = "bundled";
  /** The version a notice records when its template is a file in the operator's directory. */
  public static final String OPERATOR_FILE = "operator-file";

  private static final String COLUMNS = "template_key, level, language, version, text, published_by, published_at";

  private final JdbcClient jdbc;

  public TemplateVersions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One published version.
   *
   * @param level {@code default} (shared), a secretariat's id or a municipality's code
   * @param version 1, 2, … within the key, level and language
   */
  public record Version(String key, String level, String language, int version, String text, String publishedBy,
      Instant publishedAt) {

    /** What a notice rendered from it records: {@code kyogikai:v2}. */
    public String label() {
      return level + ":v" + version;
    }
  }

  /**
   * The newest version of the key at each of the levels in the languages, from the newest versions kept in memory: a
   * notice asks this every time, and a query each time was one more round trip in the notice's transaction (figure 4′,
   * docs/performance.md). The copy is read again after a publication on this server commits, and at the latest
   * {@link #FRESH_FOR} after it was read, for a publication on another server of a cluster.
   */
  public List<Version> newest(String key, Collection<String> levels, Collection<String> languages) {
    return current().stream().filter(v -> v.key().equals(key) && levels.contains(v.level())
        && languages.contains(v.language())).toList();
  }

  /** How long a server uses its copy of the newest versions before it reads them again. */
  static final Duration FRESH_FOR = Duration.ofSeconds(10);

  private record Snapshot(List<Version> newest, long readAtNanos) {
  }

  private volatile Snapshot snapshot;

  private List<Version> current() {
    Snapshot s = snapshot;
    if (s == null || System.nanoTime() - s.readAtNanos() > FRESH_FOR.toNanos()) {
      s = new Snapshot(allNewest(), System.nanoTime());
      snapshot = s;
    }
    return s.newest();
  }

  /** After a publication commits (at once outside a transaction), the next notice reads the versions again. */
  private void forgetAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          snapshot = null;
        }
      });
    } else {
      snapshot = null;
    }
  }

  /** The newest version of every key, level and language: what the list of templates shows. */
  public List<Version> allNewest() {
    return jdbc.sql("select " + COLUMNS + " from mf_notice_template_version v where version = (select max(version)"
            + " from mf_notice_template_version w where w.template_key = v.template_key and w.level = v.level"
            + " and w.language = v.language) order by template_key, level, language")
        .query(TemplateVersions::version).list();
  }

  /** Every version of the key at the level in the language, newest first. */
  public List<Version> history(String key, String level, String language) {
    return jdbc.sql("select " + COLUMNS + " from mf_notice_template_version where template_key = ? and level = ?"
            + " and language = ? order by version desc")
        .params(key, level, language).query(TemplateVersions::version).list();
  }

  /** Whether the key has a published version at the shared level in Japanese (what every issuer finds). */
  public boolean existsShared(String key) {
    return jdbc.sql("select count(*) from mf_notice_template_version where template_key = ? and level = ?"
            + " and language = 'ja'")
        .params(key, NoticeTemplates.DEFAULT_LEVEL).query(Long.class).single() > 0;
  }

  /**
   * Inserts the next version. Two administrators publishing at the same moment both read the same number; the
   * primary key lets one of them in and refuses the other (409), never overwriting.
   */
  public Version publish(String key, String level, String language, String text, String publishedBy, Instant at) {
    int next = jdbc.sql("select coalesce(max(version), 0) + 1 from mf_notice_template_version where template_key = ?"
            + " and level = ? and language = ?")
        .params(key, level, language).query(Integer.class).single();
    try {
      jdbc.sql("insert into mf_notice_template_version (" + COLUMNS + ", sha256) values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(key, level, language, next, text, publishedBy, Timestamp.from(at), sha256(text))
          .update();
    } catch (DuplicateKeyException e) {
      throw BusinessRuleException.conflict("notice-template.published-meanwhile", next, key);
    }
    forgetAfterCommit();
    return new Version(key, level, language, next, text, publishedBy, at);
  }

  private static Version version(ResultSet rs, int row) throws SQLException {
    return new Version(rs.getString("template_key"), rs.getString("level"), rs.getString("language"),
        rs.getInt("version"), rs.getString("text"), rs.getString("published_by"),
        rs.getTimestamp("published_at").toInstant());
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
