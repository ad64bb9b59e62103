package jp.muniflow.plan.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.muniflow.plan.Plan;
import jp.muniflow.plan.PlanDocument;
import jp.muniflow.plan.PlanStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The plans and their reviews. Joins the caller's transaction, the engine's included. */
@Repository
public class PlanStore {

  private static final String COLUMNS = "id, fiscal_year, attempt, revision, status, document, process_instance_id, "
      + "council_date, submitted_by, submitted_at, updated_at";

  private final JdbcClient jdbc;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  public PlanStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Plan p) {
    jdbc.sql("insert into mf_plan (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(p.id(), p.fiscalYear(), p.attempt(), p.revision(), p.status().name(), toJson(p.document()),
            p.processInstanceId(), p.councilDate(), p.submittedBy(), Timestamp.from(p.submittedAt()), Timestamp.from(p.updatedAt()))
        .update();
  }

  public void update(Plan p) {
    jdbc.sql("update mf_plan set revision = ?, status = ?, document = ?, process_instance_id = ?, council_date = ?, "
            + "updated_at = ? where id = ?")
        .params(p.revision(), p.status().name(), toJson(p.document()), p.processInstanceId(), p.councilDate(),
            Timestamp.from(p.updatedAt()), p.id())
        .update();
  }

  public Optional<Plan> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from mf_plan where id = ?").param(id).query(this::map).optional();
  }

  public Optional<Plan> lock(String id) {
    return jdbc.sql("select " + COLUMNS + " from mf_plan where id = ? for update").param(id).query(this::map).optional();
  }

  /** The plans of a fiscal year, the latest attempt first. */
  public List<Plan> ofYear(int fiscalYear) {
    return jdbc.sql("select " + COLUMNS + " from mf_plan where fiscal_year = ? order by attempt desc")
        .param(fiscalYear).query(this::map).list();
  }

  /** The latest attempt of each fiscal year, newest year first. */
  public List<Plan> latestOfEachYear() {
    return jdbc.sql("select " + COLUMNS + " from mf_plan p where attempt = (select max(attempt) from mf_plan q "
            + "where q.fiscal_year = p.fiscal_year) order by fiscal_year desc")
        .query(this::map).list();
  }

  public Set<Integer> approvedYears() {
    return jdbc.sql("select fiscal_year from mf_plan where status = 'APPROVED'").query(Integer.class).list().stream()
        .collect(Collectors.toSet());
  }

  public int nextAttempt(int fiscalYear) {
    return jdbc.sql("select coalesce(max(attempt), 0) + 1 from mf_plan where fiscal_year = ?").param(fiscalYear)
        .query(Integer.class).single();
  }

  public void insertReview(String planId, int revision, String secretariat, String decision, String comment, String reviewer,
      Instant at) {
    jdbc.sql("insert into mf_plan_review (plan_id, revision, secretariat, decision, comment, reviewer, reviewed_at) "
            + "values (?, ?, ?, ?, ?, ?, ?)")
        .params(planId, revision, secretariat, decision, comment, reviewer, Timestamp.from(at))
        .update();
  }

  public List<Review> reviews(String planId) {
    return jdbc.sql("select revision, secretariat, decision, comment, reviewer, reviewed_at from mf_plan_review "
            + "where plan_id = ? order by revision, reviewed_at, id")
        .param(planId)
        .query((rs, n) -> new Review(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getTimestamp(6).toInstant()))
        .list();
  }

  private Plan map(ResultSet rs, int row) throws SQLException {
    java.sql.Date council = rs.getDate("council_date");
    return new Plan(rs.getString("id"), rs.getInt("fiscal_year"), rs.getInt("attempt"), rs.getInt("revision"),
        PlanStatus.valueOf(rs.getString("status")), fromJson(rs.getString("document")), rs.getString("process_instance_id"),
        council == null ? null : council.toLocalDate(), rs.getString("submitted_by"),
        rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
  }

  private String toJson(PlanDocument document) {
    try {
      return json.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan document always serializes", e);
    }
  }

  private PlanDocument fromJson(String text) {
    try {
      return json.readValue(text, PlanDocument.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored plan document is unreadable", e);
    }
  }

  /** One secretariat's review of one revision. */
  public record Review(int revision, String secretariat, String decision, String comment, String reviewer, Instant reviewedAt) {
  }
}
