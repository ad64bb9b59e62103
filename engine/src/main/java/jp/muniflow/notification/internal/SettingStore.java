package jp.muniflow.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.muniflow.notification.TaskMail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each user's notification settings in {@code mf_notification_setting}; a user without a row has the defaults. */
@Repository
public class SettingStore {

  private final JdbcClient jdbc;

  SettingStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Stored(String language, TaskMail taskMail) {
  }

  public Optional<Stored> find(String userId) {
    return jdbc.sql("select language, task_mail from mf_notification_setting where user_id = ?").param(userId)
        .query((rs, n) -> new Stored(rs.getString("language"), TaskMail.valueOf(rs.getString("task_mail")))).optional();
  }

  /** The settings of those users who have a row, in one query. */
  public Map<String, Stored> findAll(Collection<String> userIds) {
    Map<String, Stored> found = new HashMap<>();
    if (!userIds.isEmpty()) {
      jdbc.sql("select user_id, language, task_mail from mf_notification_setting where user_id in (:ids)")
          .param("ids", List.copyOf(userIds))
          .query(rs -> {
            found.put(rs.getString("user_id"), new Stored(rs.getString("language"), TaskMail.valueOf(rs.getString("task_mail"))));
          });
    }
    return found;
  }

  public void save(String userId, String language, TaskMail taskMail, Instant at) {
    int updated = jdbc.sql("update mf_notification_setting set language = ?, task_mail = ?, updated_at = ? where user_id = ?")
        .params(language, taskMail.name(), Timestamp.from(at), userId).update();
    if (updated == 0) {
      jdbc.sql("insert into mf_notification_setting (user_id, language, task_mail, updated_at) values (?, ?, ?, ?)")
          .params(userId, language, taskMail.name(), Timestamp.from(at)).update();
    }
  }
}
