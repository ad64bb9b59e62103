package jp.muniflow.modeling.internal.admin;

/** Two versions of a small review process, for the modeler's tests. */
final class ReviewModels {

  private ReviewModels() {
  }

  /** Version 1: review, then check. */
  static String v1(String key) {
    return model(key, """
        <bpmn:userTask id="Activity_Review" name="審査" camunda:candidateGroups="admins"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>
        <bpmn:sequenceFlow id="Flow_2" sourceRef="Activity_Review" targetRef="Activity_Check"/>
        <bpmn:userTask id="Activity_Check" name="確認" camunda:candidateGroups="admins"><bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_End</bpmn:outgoing></bpmn:userTask>
        <bpmn:sequenceFlow id="Flow_End" sourceRef="Activity_Check" targetRef="EndEvent_1"/>""");
  }

  /** Version 2: review, then approve (the check is gone, an approval is new). */
  static String v2(String key) {
    return model(key, """
        <bpmn:userTask id="Activity_Review" name="審査（改訂）" camunda:candidateGroups="admins"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>
        <bpmn:sequenceFlow id="Flow_2" sourceRef="Activity_Review" targetRef="Activity_Approve"/>
        <bpmn:userTask id="Activity_Approve" name="承認" camunda:candidateGroups="admins"><bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_End</bpmn:outgoing></bpmn:userTask>
        <bpmn:sequenceFlow id="Flow_End" sourceRef="Activity_Approve" targetRef="EndEvent_1"/>""");
  }

  private static String model(String key, String tasks) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://muniflow.jp/test">
          <bpmn:process id="%1$s" name="審査テスト" isExecutable="true" camunda:historyTimeToLive="P30D">
            <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Activity_Review"/>
            %2$s
            <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_End</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="BPMNDiagram_1">
            <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="%1$s">
              <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="152" y="102" width="36" height="36"/></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Activity_Review_di" bpmnElement="Activity_Review"><dc:Bounds x="240" y="80" width="100" height="80"/></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Activity_Second_di" bpmnElement="%3$s"><dc:Bounds x="400" y="80" width="100" height="80"/></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="EndEvent_1_di" bpmnElement="EndEvent_1"><dc:Bounds x="562" y="102" width="36" height="36"/></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="120"/><di:waypoint x="240" y="120"/></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="340" y="120"/><di:waypoint x="400" y="120"/></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_End_di" bpmnElement="Flow_End"><di:waypoint x="500" y="120"/><di:waypoint x="562" y="120"/></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """.formatted(key, tasks, tasks.contains("Activity_Check") ? "Activity_Check" : "Activity_Approve");
  }
}
