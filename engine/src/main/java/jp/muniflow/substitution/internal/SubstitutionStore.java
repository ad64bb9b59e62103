package jp.muniflow.substitution.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.muniflow.substitution.Substitution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The substitutions in {@code mf_substitution}. */
@Repository
public class SubstitutionStore {

  private static final String COLUMNS = "id, absent_user, substitute, secretariat, starts_on, ends_on, created_by, "
      + "created_at, ended_at, ended_by";

  private final JdbcClient jdbc;

  SubstitutionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(String absent, String substitute, String secretariat, LocalDate from, LocalDate to, String by,
      Instant at) {
    var key = new GeneratedKeyHolder();
    jdbc.sql("insert into mf_substitution (absent_user, substitute, secretariat, starts_on, ends_on, created_by, created_at)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(absent, substitute, secretariat, Date.valueOf(from), Date.valueOf(to), by, Timestamp.from(at))
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  public Optional<Substitution> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from mf_substitution where id = ?").param(id).query(SubstitutionStore::row)
        .optional();
  }

  public Optional<Substitution> lock(long id) {
    return jdbc.sql("select " + COLUMNS + " from mf_substitution where id = ? for update").param(id)
        .query(SubstitutionStore::row).optional();
  }

  public List<Substitution> asAbsent(String user) {
    return jdbc.sql("select " + COLUMNS + " from mf_substitution where absent_user = ? order by starts_on").param(user)
        .query(SubstitutionStore::row).list();
  }

  public List<Substitution> asSubstitute(String user) {
    return jdbc.sql("select " + COLUMNS + " from mf_substitution where substitute = ? order by starts_on").param(user)
        .query(SubstitutionStore::row).list();
  }

  public List<Substitution> involving(String user) {
    return jdbc.sql("select " + COLUMNS + " from mf_substitution where absent_user = ? or substitute = ? "
            + "order by starts_on desc, id desc fetch first 200 rows only")
        .params(user, user).query(SubstitutionStore::row).list();
  }

  public void end(long id, String by, Instant at) {
    jdbc.sql("update mf_substitution set ended_at = ?, ended_by = ? where id = ? and ended_at is null")
        .params(Timestamp.from(at), by, id).update();
  }

  private static Substitution row(ResultSet rs, int n) throws SQLException {
    Timestamp ended = rs.getTimestamp("ended_at");
    return new Substitution(rs.getLong("id"), rs.getString("absent_user"), rs.getString("substitute"),
        rs.getString("secretariat"), rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), ended == null ? null : ended.toInstant(),
        rs.getString("ended_by"));
  }
}
