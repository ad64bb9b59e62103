package jp.muniflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.muniflow.support.Api;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.junit.jupiter.api.Test;
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

  @Test
  void camunda_rest_refuses_expressions_in_task_queries() {
    Api admin = Api.as(port, "admin");
    assertThat(admin.get("/engine-rest/task?assigneeExpression=" + java.net.URLEncoder.encode(EXPR, java.nio.charset.StandardCharsets.UTF_8)).status())
        .isEqualTo(400);
    assertThat(admin.post("/engine-rest/task", Map.of("assigneeExpression", EXPR)).status()).isEqualTo(400);
    assertThat(admin.post("/engine-rest/task", Map.of("orQueries", List.of(Map.of("candidateGroupsExpression", "${currentUserGroups()}"))))
        .status()).isEqualTo(400);
    assertThat(admin.post("/engine-rest/task/count", Map.of("orQueries", List.of(Map.of("assigneeExpression", EXPR))))
        .status()).isEqualTo(400);
    assertThat(admin.post("/engine-rest/task", Map.of("assignee", "admin")).status()).isEqualTo(200);
  }

  @Test
  void a_stored_filter_with_an_expression_cannot_be_run() {
    Api admin = Api.as(port, "admin");
    Api.Response created = admin.post("/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "probe",
        "query", Map.of("orQueries", List.of(Map.of("assigneeExpression", EXPR)))));
    if (created.status() == 200) {
      String id = created.json().get("id").asText();
      assertThat(admin.get("/engine-rest/filter/" + id + "/list").status()).isEqualTo(400);
      assertThat(admin.post("/engine-rest/filter/" + id + "/list", Map.of()).status()).isEqualTo(400);
      Api.as(port, "admin").send("DELETE", "/engine-rest/filter/" + id);
    } else {
      assertThat(created.status()).isEqualTo(400);
    }
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
