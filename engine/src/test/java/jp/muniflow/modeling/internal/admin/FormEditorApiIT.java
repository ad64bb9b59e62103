package jp.muniflow.modeling.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.muniflow.support.Api;
import jp.muniflow.support.BrowserSession;
import jp.muniflow.support.MuniFlowIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A form from the form editor through the admin API: refused by the gate with its messages in both languages,
 * deployed with its process as a new version, and its task page showing every allowed field type, refusing what
 * breaks the form's limits with Japanese messages and completing with the values as numbers, booleans and lists.
 */
@MuniFlowIntegrationTest
class FormEditorApiIT {

  private static final String TENANT = "131016";
  private static final String STAFF = "staff-131016";

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  HistoryService history;

  private final List<String> started = new ArrayList<>();

  @AfterEach
  void endInstances() {
    for (String id : started) {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "test over");
      }
    }
  }

  private Api admin() {
    return Api.as(port, "admin");
  }

  @Test
  void the_gate_refuses_an_unknown_field_type_and_markup_in_both_languages_and_records_the_refusal() {
    String key = uniqueKey("mfFormGate");
    String v1 = deployProcess(key);
    String bad = FormModels.everyFieldForm().replace("\"type\": \"textarea\"", "\"type\": \"filepicker\"")
        .replace("\"type\": \"text\", \"text\"", "\"type\": \"html\", \"content\": \"<script>alert(1)</script>\", \"text\"");

    JsonNode ja = admin().inLanguage("ja").post("/api/admin/forms/validate",
        Map.of("resourceName", FormModels.FORM_RESOURCE, "schema", bad)).json();
    assertThat(ja.get("valid").asBoolean()).isFalse();
    assertThat(messages(ja.get("violations"))).containsExactlyInAnyOrder(
        "Text_intro: フォームに「html」は使えません。HTML、iframe、スクリプト、式（= で始まる値、{{ }} のテンプレート、表示条件、変数から読む選択肢）はMuniFlowの画面では実行しないため受け付けません。",
        "Field_note: フォーム項目の種類「filepicker」は使えません。使えるのは、テキスト、テキストエリア、数値、日付、選択（ドロップダウン）、ラジオボタン、チェックボックス、チェックリスト、説明文と、項目をまとめて表にするグループ（データパスなし、グループの中にグループは置けません）です。");
    JsonNode en = admin().inLanguage("en").post("/api/admin/forms/validate",
        Map.of("resourceName", FormModels.FORM_RESOURCE, "schema", bad)).json();
    assertThat(messages(en.get("violations"))).anySatisfy(m -> assertThat(m)
        .startsWith("Field_note: the form field type \"filepicker\" is not allowed."));

    Api.Response refused = admin().post("/api/admin/forms/deployments", Map.of("resourceName", FormModels.FORM_RESOURCE,
        "schema", bad, "tenantId", TENANT, "definitionId", v1));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.json().get("violations")).hasSize(2);
    assertThat(admin().get("/api/admin/definitions").json()).filteredOn(d -> d.get("key").asText().equals(key)).hasSize(1);
    assertThat(admin().get("/api/admin/audit?action=deployment-refused").json()).anySatisfy(e -> {
      assertThat(e.get("actor").asText()).isEqualTo("admin");
      assertThat(e.get("details").asText()).contains("form-field-type@Field_note", "form-script@Text_intro");
    });
  }

  @Test
  void a_form_deployed_with_its_process_shows_every_field_type_and_checks_its_limits_in_japanese() {
    String key = uniqueKey("mfForm");
    String v1 = deployProcess(key);
    String form = FormModels.everyFieldForm();
    assertThat(admin().post("/api/admin/forms/validate", Map.of("resourceName", FormModels.FORM_RESOURCE, "schema", form))
        .json().get("valid").asBoolean()).isTrue();
    JsonNode diff = admin().post("/api/admin/forms/diff", Map.of("resourceName", FormModels.FORM_RESOURCE, "schema", form,
        "definitionId", v1)).json();
    assertThat(texts(diff.get("added"))).contains("Field_name", "Field_sources");

    Api.Response deployed = admin().post("/api/admin/forms/deployments", Map.of("resourceName", FormModels.FORM_RESOURCE,
        "schema", form, "tenantId", TENANT, "definitionId", v1));
    assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
    JsonNode created = deployed.json().get("definitions");
    assertThat(created).anySatisfy(d -> {
      assertThat(d.get("type").asText()).isEqualTo("process");
      assertThat(d.get("key").asText()).isEqualTo(key);
      assertThat(d.get("version").asInt()).isEqualTo(2);
    });
    assertThat(created).anySatisfy(d -> {
      assertThat(d.get("type").asText()).isEqualTo("form");
      assertThat(d.get("key").asText()).isEqualTo(FormModels.FORM_ID);
    });
    String v2 = created.findValues("id").stream().map(JsonNode::asText).filter(id -> id.startsWith(key + ":")).findFirst()
        .orElseThrow();
    assertThat(texts(admin().get("/api/admin/definitions/" + v2 + "/forms").json())).containsExactly(FormModels.FORM_RESOURCE);
    assertThat(admin().get("/api/admin/definitions/" + v2 + "/form?name=" + FormModels.FORM_RESOURCE).text()).isEqualTo(form);
    assertThat(admin().get("/api/admin/audit?action=deployment").json()).anySatisfy(e ->
        assertThat(e.get("resources").toString()).contains(FormModels.FORM_RESOURCE));
    // unchanged: no new version
    Api.Response again = admin().post("/api/admin/forms/deployments", Map.of("resourceName", FormModels.FORM_RESOURCE,
        "schema", form, "tenantId", TENANT, "definitionId", v2));
    assertThat(again.json().get("duplicate").asBoolean()).as(again.toString()).isTrue();

    String instance = runtime.createProcessInstanceByKey(key).processDefinitionTenantId(TENANT).execute().getId();
    started.add(instance);
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    BrowserSession staff = BrowserSession.signIn(port, STAFF);
    String path = "/tasks/" + task.getId();

    Document page = Jsoup.parse(staff.get(path).body());
    assertThat(page.select("#text-Text_intro").text()).isEqualTo("温室効果ガスの排出量を入力してください。");
    assertThat(page.select("label[for=field-contactName]").text()).isEqualTo("担当者名");
    assertThat(page.select("input#field-contactName").attr("type")).isEqualTo("text");
    assertThat(page.select("input#field-contactName").attr("maxlength")).isEqualTo("20");
    assertThat(page.select("textarea#field-note")).hasSize(1);
    assertThat(page.select("input#field-emissions").attr("type")).isEqualTo("number");
    assertThat(page.select("input#field-emissions").attr("max")).isEqualTo("1000000");
    assertThat(page.select("input#field-emissions").attr("step")).isEqualTo("any");
    assertThat(page.select("input#field-baseDate").attr("type")).isEqualTo("date");
    assertThat(page.select("select#field-sector option").eachText()).containsExactly("選択してください", "産業", "家庭");
    assertThat(page.select("input[type=radio][name=method] + label").eachText()).containsExactly("標準", "独自");
    assertThat(page.select("input[type=checkbox][name=sources] + label").eachText()).containsExactly("統計", "実測");
    assertThat(page.select("input[type=checkbox]#field-checked + label").text()).isEqualTo("内容を確認しました");

    String csrf = staff.csrf(path);
    Document empty = Jsoup.parse(staff.postForm(path, "_csrf=" + enc(csrf)).body());
    for (String field : List.of("contactName", "emissions", "baseDate", "sector", "method", "sources", "checked")) {
      assertThat(empty.select("#error-" + field).text()).as(field).isEqualTo("入力してください。");
    }
    assertThat(empty.select("#form-error").text()).contains("入力内容に誤りがあります");

    Document wrong = Jsoup.parse(staff.postForm(path, "_csrf=" + enc(csrf) + "&contactName=" + enc("あ")
        + "&contactCode=ab12&note=" + enc("一二三四五六七八九十一") + "&emissions=-1&baseDate=2026-13-01&sector=other"
        + "&method=standard&sources=statistics&checked=true").body());
    assertThat(wrong.select("#error-contactName").text()).isEqualTo("2文字以上で入力してください。");
    assertThat(wrong.select("#error-contactCode").text()).isEqualTo("入力の形式が正しくありません。指定された形式で入力してください。");
    assertThat(wrong.select("#error-note").text()).isEqualTo("10文字以内で入力してください。");
    assertThat(wrong.select("#error-emissions").text()).isEqualTo("0以上の値を入力してください。");
    assertThat(wrong.select("#error-baseDate").text()).startsWith("日付は YYYY-MM-DD の形式で入力してください");
    assertThat(wrong.select("#error-sector").text()).isEqualTo("次のいずれかを指定してください: industry, household");
    // what was typed stays on the page
    assertThat(wrong.select("input#field-contactName").attr("value")).isEqualTo("あ");
    assertThat(wrong.select("input[name=sources][value=statistics]").hasAttr("checked")).isTrue();
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

    var done = staff.postForm(path, "_csrf=" + enc(csrf) + "&contactName=" + enc("山田 花子") + "&contactCode=AB123"
        + "&emissions=1234.5&baseDate=2026-04-01&sector=industry&method=own&sources=statistics&sources=measured"
        + "&checked=true");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
    Map<String, Object> values = new java.util.HashMap<>();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(instance).list()) {
      values.put(v.getName(), v.getValue());
    }
    assertThat(values).containsEntry("contactName", "山田 花子").containsEntry("emissions", 1234.5)
        .containsEntry("baseDate", "2026-04-01").containsEntry("sector", "industry").containsEntry("checked", true)
        .containsEntry("sources", List.of("statistics", "measured")).doesNotContainKey("note");
  }

  @Test
  void a_form_deployed_alone_is_a_new_version_of_the_form() {
    String form = FormModels.everyFieldForm().replace("\"id\": \"everyFieldForm\"", "\"id\": \"mfAloneForm\"");
    Api.Response first = admin().post("/api/admin/forms/deployments", Map.of("resourceName", "mfAlone.form", "schema", form));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    int version = first.json().get("definitions").get(0).get("version").asInt();
    assertThat(first.json().get("definitions").get(0).get("type").asText()).isEqualTo("form");
    Api.Response second = admin().post("/api/admin/forms/deployments", Map.of("resourceName", "mfAlone.form",
        "schema", form.replace("担当者名", "担当者の氏名")));
    assertThat(second.status()).as(second.toString()).isEqualTo(201);
    assertThat(second.json().get("definitions").get(0).get("key").asText()).isEqualTo("mfAloneForm");
    assertThat(second.json().get("definitions").get(0).get("version").asInt()).isEqualTo(version + 1);
  }

  private String deployProcess(String key) {
    Api.Response r = admin().post("/api/admin/deployments", Map.of("resourceName", key + ".bpmn",
        "xml", FormModels.process(key, STAFF, FormModels.FORM_ID), "tenantId", TENANT));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("definitions").get(0).get("id").asText();
  }

  private static List<String> messages(JsonNode violations) {
    List<String> out = new ArrayList<>();
    violations.forEach(v -> out.add(v.get("message").asText()));
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String uniqueKey(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }
}
