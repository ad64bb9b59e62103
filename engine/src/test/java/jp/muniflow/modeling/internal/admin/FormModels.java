package jp.muniflow.modeling.internal.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A small process whose one user task shows a form built in the form editor, for the form editor's tests. */
final class FormModels {

  /** The form with every field type the gate allows (test resource gate/every-field.form), id everyFieldForm. */
  static final String FORM_ID = "everyFieldForm";
  static final String FORM_RESOURCE = "everyField.form";

  private FormModels() {
  }

  static String everyFieldForm() {
    try (InputStream in = FormModels.class.getResourceAsStream("/gate/every-field.form")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One task for the municipality's staff, its form linked by formRef as the processes link theirs. */
  static String process(String key, String staffGroup, String formId) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://muniflow.jp/test">
          <bpmn:process id="%1$s" name="排出量の報告（テスト）" isExecutable="true" camunda:historyTimeToLive="P30D">
            <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Activity_Report"/>
            <bpmn:userTask id="Activity_Report" name="排出量の入力" camunda:candidateGroups="%2$s" camunda:formRef="%3$s" camunda:formRefBinding="deployment"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_End</bpmn:outgoing></bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_End" sourceRef="Activity_Report" targetRef="EndEvent_1"/>
            <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_End</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, staffGroup, formId);
  }
}
