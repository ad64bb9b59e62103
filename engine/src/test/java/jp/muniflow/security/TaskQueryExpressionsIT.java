package jp.muniflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A task query that carries an expression is refused on every path that takes task queries, also inside
 * {@code orQueries} and stored filters, for every user: administrators get 400, everybody else cannot reach the
 * paths at all (403). MuniFlow's own task list takes no query from the client.
 */
@MuniFlowIntegrationTest
class TaskQueryExpressionsIT {

  private static final String EXPR = "${currentUser()}";

  @LocalServerPort
  int port;

  @Autowired
  FilterService filters;

  @Autowired
  TaskService tasks;

  @Test
  void camunda_rest_refuses_expressions_in_task_queries() {
    Api admin = Api.as(port, "admin");
    Api.Response get = admin.get("/engine-rest/task?assigneeExpression="
        + java.net.URLEncoder.encode(EXPR, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(get.status()).as(get.toString()).isEqualTo(400);
    assertThat(admin.post("/engine-rest/task", Map.of("assigneeExpression", EXPR)).status()).isEqualTo(400);
    assertThat(admin.post("/engine-rest/task", Map.of("orQueries", List.of(Map.of("candidateGroupsExpression", "${currentUserGroups()}"))))
        .status()).isEqualTo(400);
    assertThat(admin.post("/engine-rest/task/count", Map.of("orQueries", List.of(Map.of("assigneeExpression", EXPR))))
        .status()).isEqualTo(400);
    assertThat(admin.post("/engine-rest/task", Map.of("assignee", "admin")).status()).isEqualTo(200);
  }

  @Test
  void a_filter_with_an_expression_cannot_be_stored_nor_extended_with_one() {
    Api admin = Api.as(port, "admin");
    for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of("assigneeExpression", EXPR),
        Map.of("orQueries", List.of(Map.of("assigneeExpression", EXPR))))) {
      Api.Response created = admin.post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "probe",
          "query", query));
      assertThat(created.status()).as(created.toString()).isEqualTo(400);
    }
    assertThat(filters.createFilterQuery().filterName("probe").count()).isZero();

    Api.Response plain = admin.post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "plain",
        "query", Map.of("assignee", "admin")));
    assertThat(plain.status()).isEqualTo(200);
    String id = plain.json().get("id").asText();
    try {
      assertThat(admin.post("/engine-rest/filter/" + id + "/list", Map.of()).status()).isEqualTo(200);
      Api.Response extended = admin.post("/engine-rest/filter/" + id + "/list",
          Map.of("orQueries", List.of(Map.of("candidateGroupsExpression", "${currentUserGroups()}"))));
      assertThat(extended.status()).as(extended.toString()).isEqualTo(400);
    } finally {
      filters.deleteFilter(id);
    }
  }

  @Test
  void java_callers_of_the_engine_are_refused_too() {
    var query = tasks.createTaskQuery().or().taskCandidateGroupInExpression("${currentUserGroups()}").endOr();
    assertThatThrownBy(query::list).isInstanceOf(BadUserRequestException.class).hasMessageContaining("orQueries");
  }

  @Test
  void nobody_else_reaches_a_path_that_takes_task_queries() {
    for (String user : new String[] {"staff-131016", "reviewer-kyogikai", "manager-shichokai"}) {
      Api api = Api.as(port, user);
      assertThat(api.post("/engine-rest/task", Map.of("assigneeExpression", EXPR)).status()).as(user).isEqualTo(403);
      assertThat(api.post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "x")).status()).isEqualTo(403);
      assertThat(api.get("/api/tasks?assigneeExpression=" + java.net.URLEncoder.encode(EXPR, java.nio.charset.StandardCharsets.UTF_8))
          .status()).as("MuniFlow's task list ignores query parameters it does not know").isEqualTo(200);
    }
  }
}
