package jp.muniflow.task;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import jp.muniflow.security.MuniFlowUser;
import jp.muniflow.tenants.GroupIds;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.NativeTaskQuery;

/**
 * A user's task list search as one SQL statement of the engine's native task query: the same filters as the engine's
 * task query would write (docs/adr/0008), but each check of a task an {@code EXISTS} on the task's own row, so that the
 * database walks the tasks in the list's order (the index on the creation time) and stops at the page's end instead
 * of joining every visible task with its identity links and variables first and sorting them (docs/performance.md,
 * figure 3: 105–134 ms for a secretariat's first page at 100,000 open tasks).
 *
 * <ul>
 *   <li>visible: assigned to the user, or unassigned and offered to one of the user's groups (the engine's
 *       {@code taskCandidateGroupIn} without {@code includeAssignedTasks}), within the user's tenants or without a
 *       tenant (the engine's tenant check; administrators are not checked);</li>
 *   <li>the year and the title: a variable of the task's process instance (not of a task), as the engine's
 *       {@code processVariableValueEquals} and {@code …Like} ask them; an integral year whatever its Java type;</li>
 *   <li>the free text: a municipality when the text names one the user may see, in kanji, kana or English
 *       ({@link jp.muniflow.tenants.TenantRegistry#matching}), as the municipality filter chooses it; otherwise a piece
 *       of the process instance's business key, of the task's name or of the title.</li>
 * </ul>
 *
 * <p>Values are bound as parameters ({@code #{name}}), never written into the statement.
 */
final class TaskListSql {

  /**
   * Ends each {@code EXISTS}: a subquery with an offset is one PostgreSQL does not turn into a hash of every matching
   * row built before the walk (a "hashed SubPlan": all 30,000 task ids of a secretariat's group, 20–40 ms, for a page
   * that reads 50 tasks); it asks the index once for each task the walk reaches instead (0.4 ms for that page).
   * Harmless on H2.
   */
  static final String ONE_ROW_AT_A_TIME = " OFFSET 0 ROWS";

  private final String prefix;
  private final StringBuilder where = new StringBuilder();
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  private TaskListSql(String prefix) {
    this.prefix = prefix;
  }

  /** The search's conditions for the user; {@code named} are the municipalities the free text names. */
  static TaskListSql of(String tablePrefix, MuniFlowUser user, TaskSearch search, List<String> named, OffsetDateTime now) {
    TaskListSql sql = new TaskListSql(tablePrefix == null ? "" : tablePrefix);
    sql.visibleTo(user);
    sql.withinTenantsOf(user);
    switch (search.show()) {
      case "mine" -> sql.and("RES.ASSIGNEE_ = " + sql.bind("me", user.username()));
      case "groups" -> sql.and("RES.ASSIGNEE_ IS NULL");
      default -> { }
    }
    if (search.process() != null) {
      sql.and("RES.PROC_DEF_ID_ IN (SELECT D.ID_ FROM " + sql.table("ACT_RE_PROCDEF") + " D WHERE D.KEY_ = "
          + sql.bind("processKey", search.process()) + ")");
    }
    if (search.municipality() != null) {
      sql.and("RES.TENANT_ID_ = " + sql.bind("municipality", search.municipality()));
    }
    if ("overdue".equals(search.due())) {
      sql.and("RES.DUE_DATE_ < " + sql.bind("dueBefore", Date.from(now.toInstant())));
    } else if ("week".equals(search.due())) {
      sql.and("RES.DUE_DATE_ < " + sql.bind("dueBefore", Date.from(now.plusDays(7).toInstant())));
    }
    if (search.fiscalYear() != null) {
      sql.and(sql.processVariable(TaskSearch.FISCAL_YEAR, "V.TYPE_ IN ('integer', 'long', 'short') AND V.LONG_ = "
          + sql.bind("fiscalYear", search.fiscalYear().longValue())));
    }
    if (search.q() != null && !named.isEmpty()) {
      // a municipality named (in kana too) is a choice of municipality, like the list's own filter
      sql.and("RES.TENANT_ID_ IN " + sql.list("named", named));
    } else if (search.q() != null) {
      String like = sql.bind("like", "%" + search.q() + "%");
      StringJoiner text = new StringJoiner(" OR ", "(", ")");
      text.add("RES.NAME_ LIKE " + like);
      text.add("EXISTS (SELECT 1 FROM " + sql.table("ACT_RU_EXECUTION") + " E WHERE E.ID_ = RES.PROC_INST_ID_"
          + " AND E.BUSINESS_KEY_ LIKE " + like + ONE_ROW_AT_A_TIME + ")");
      text.add(sql.processVariable(TaskSearch.TITLE, "V.TEXT_ LIKE " + like));
      sql.and(text.toString());
    }
    return sql;
  }

  /** The page's tasks, in the search's order; the task's id breaks ties so that a task keeps its page. */
  NativeTaskQuery page(TaskService tasks, String sort) {
    String order = "due".equals(sort) ? "RES.DUE_DATE_ ASC NULLS LAST, RES.CREATE_TIME_ DESC, RES.ID_ ASC"
        : "RES.CREATE_TIME_ DESC, RES.ID_ ASC";
    return bound(tasks.createNativeTaskQuery().sql("SELECT RES.* FROM " + table("ACT_RU_TASK") + " RES WHERE "
        + where + " ORDER BY " + order));
  }

  /**
   * How many tasks match, counted up to {@code limit}: a count stops when it reaches it, so that a secretariat's list of
   * 30,000 tasks is not counted row by row for every page (the page says 「1,000件以上」).
   */
  NativeTaskQuery count(TaskService tasks, long limit) {
    return bound(tasks.createNativeTaskQuery().sql("SELECT COUNT(*) FROM (SELECT RES.ID_ FROM " + table("ACT_RU_TASK")
        + " RES WHERE " + where + " FETCH FIRST " + limit + " ROWS ONLY) C"));
  }

  private NativeTaskQuery bound(NativeTaskQuery query) {
    parameters.forEach(query::parameter);
    return query;
  }

  private void visibleTo(MuniFlowUser user) {
    String me = bind("user", user.username());
    if (user.groups().isEmpty()) {
      and("RES.ASSIGNEE_ = " + me);
      return;
    }
    and("(RES.ASSIGNEE_ = " + me + " OR RES.ASSIGNEE_ IS NULL AND EXISTS (SELECT 1 FROM " + table("ACT_RU_IDENTITYLINK")
        + " I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN " + list("group", user.groups())
        + ONE_ROW_AT_A_TIME + "))");
  }

  private void withinTenantsOf(MuniFlowUser user) {
    and("RES.SUSPENSION_STATE_ = 1");
    if (user.isMemberOf(GroupIds.ADMINS) || user.isMemberOf(GroupIds.CAMUNDA_ADMIN)) {
      return;
    }
    if (user.tenantIds().isEmpty()) {
      and("RES.TENANT_ID_ IS NULL");
      return;
    }
    and("(RES.TENANT_ID_ IN " + list("tenant", user.tenantIds()) + " OR RES.TENANT_ID_ IS NULL)");
  }

  private String processVariable(String name, String condition) {
    return "EXISTS (SELECT 1 FROM " + table("ACT_RU_VARIABLE") + " V WHERE V.PROC_INST_ID_ = RES.PROC_INST_ID_"
        + " AND V.TASK_ID_ IS NULL AND V.NAME_ = " + bind("var" + parameters.size(), name) + " AND " + condition
        + ONE_ROW_AT_A_TIME + ")";
  }

  private void and(String condition) {
    where.append(where.isEmpty() ? "" : " AND ").append(condition);
  }

  private String bind(String name, Object value) {
    parameters.put(name, value);
    return "#{" + name + "}";
  }

  private String list(String name, List<String> values) {
    StringJoiner in = new StringJoiner(", ", "(", ")");
    for (int i = 0; i < values.size(); i++) {
      in.add(bind(name + i, values.get(i)));
    }
    return in.toString();
  }

  private String table(String name) {
    return prefix + name;
  }
}
