package jp.muniflow.subsidy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.muniflow.support.Api;
import jp.muniflow.support.Await;
import jp.muniflow.support.Multipart;
import jp.muniflow.support.TestFiles;

/** What the subsidy tests do again and again, through the API as users do it. */
public final class SubsidyFlows {

  private final int port;

  public SubsidyFlows(int port) {
    this.port = port;
  }

  public static Map<String, Object> application(int fiscalYear, long amount) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fiscalYear", fiscalYear);
    body.put("title", "公共施設のLED照明更新");
    body.put("description", "区立図書館の照明をLEDに更新し、年間の電力消費を約4割削減する。");
    body.put("requestedAmount", amount);
    body.put("plannedStart", fiscalYear + "-06-01");
    body.put("plannedEnd", (fiscalYear + 1) + "-02-28");
    return body;
  }

  /** The application's JSON beside the documents it requires, as staff send it. */
  public static Multipart withDocuments(Map<String, Object> application) {
    try {
      return TestFiles.application(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(application));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Submits with its two required documents as the municipality's staff; returns the application id. */
  public String submit(String municipality, int fiscalYear, long amount) {
    return submitted(municipality, application(fiscalYear, amount)).get("id").asText();
  }

  /**
   * Submits the application with its two required documents as the municipality's staff; returns the answer: the
   * application with its {@code id} and {@code processInstanceId}.
   */
  public JsonNode submitted(String municipality, Map<String, Object> application) {
    Api.Response r = Api.as(port, "staff-" + municipality).postMultipart("/api/subsidy-applications",
        withDocuments(application));
    if (r.status() != 201) {
      throw new AssertionError("submission refused: " + r);
    }
    return r.json();
  }

  /** Waits until the user's task list holds the application's task of that key; returns the task. */
  public JsonNode awaitTask(String user, String applicationId, String taskKey) {
    return Await.until(user + " gets " + taskKey + " of " + applicationId, () -> findTask(user, applicationId, taskKey));
  }

  public JsonNode findTask(String user, String applicationId, String taskKey) {
    for (JsonNode t : Api.as(port, user).get("/api/tasks?size=500").json()) {
      if (applicationId.equals(t.path("businessKey").asText()) && taskKey.equals(t.path("taskDefinitionKey").asText())) {
        return t;
      }
    }
    return null;
  }

  public boolean seesAnyTaskOf(String user, String applicationId) {
    for (JsonNode t : Api.as(port, user).get("/api/tasks?size=500").json()) {
      if (applicationId.equals(t.path("businessKey").asText())) {
        return true;
      }
    }
    return false;
  }

  /** Stages a task's files (the report's statement and receipt by default) before it is completed. */
  public Api.Response attach(String user, String applicationId, JsonNode task, Multipart files) {
    return Api.as(port, user).postMultipart("/api/subsidy-applications/" + applicationId + "/tasks/"
        + task.get("id").asText() + "/documents", files);
  }

  public Api.Response complete(String user, JsonNode task, Object... keyValues) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], keyValues[i + 1]);
    }
    return Api.as(port, user).post("/api/tasks/" + task.get("id").asText() + "/complete", vars);
  }

  /**
   * Reports as the municipality's staff do: waits for 実績報告, attaches what the report requires (収支決算書 and
   * 領収書の写し) and completes the task with the given variables.
   */
  public Api.Response report(String staff, String applicationId, Object... keyValues) {
    JsonNode task = awaitTask(staff, applicationId, "submitPerformanceReport");
    Api.Response attached = attach(staff, applicationId, task, TestFiles.report());
    if (attached.status() != 201) {
      throw new AssertionError("report documents refused: " + attached);
    }
    return complete(staff, task, keyValues);
  }

  public JsonNode application(String user, String id) {
    return Api.as(port, user).get("/api/subsidy-applications/" + id).json();
  }

  public String awaitStatus(String user, String id, String status) {
    return Await.until(id + " reaches " + status,
        () -> status.equals(application(user, id).path("application").path("status").asText()) ? status : null);
  }
}
