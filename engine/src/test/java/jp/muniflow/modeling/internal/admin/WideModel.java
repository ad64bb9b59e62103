package jp.muniflow.modeling.internal.admin;

/** Diagrams wider than the modeler's canvas, for the zoom-to-fit tests: a long chain of tasks, a long row of decisions. */
final class WideModel {

  private WideModel() {
  }

  /** A process: start, {@code tasks} user tasks in one row 160 px apart, end. */
  static String of(String key, int tasks) {
    StringBuilder flow = new StringBuilder();
    StringBuilder shapes = new StringBuilder();
    String previous = "StartEvent_1";
    shapes.append("<bpmndi:BPMNShape id=\"StartEvent_1_di\" bpmnElement=\"StartEvent_1\"><dc:Bounds x=\"100\" y=\"102\" width=\"36\" height=\"36\"/></bpmndi:BPMNShape>");
    int x = 200;
    for (int i = 1; i <= tasks + 1; i++) {
      String next = i <= tasks ? "Task_" + i : "EndEvent_1";
      String flowId = "Flow_" + i;
      flow.append("<bpmn:sequenceFlow id=\"%s\" sourceRef=\"%s\" targetRef=\"%s\"/>".formatted(flowId, previous, next));
      if (i <= tasks) {
        flow.append("<bpmn:userTask id=\"%s\" name=\"確認%d\" camunda:candidateGroups=\"admins\"/>".formatted(next, i));
        shapes.append("<bpmndi:BPMNShape id=\"%1$s_di\" bpmnElement=\"%1$s\"><dc:Bounds x=\"%2$d\" y=\"80\" width=\"100\" height=\"80\"/></bpmndi:BPMNShape>"
            .formatted(next, x));
      } else {
        flow.append("<bpmn:endEvent id=\"EndEvent_1\"/>");
        shapes.append("<bpmndi:BPMNShape id=\"EndEvent_1_di\" bpmnElement=\"EndEvent_1\"><dc:Bounds x=\"%d\" y=\"102\" width=\"36\" height=\"36\"/></bpmndi:BPMNShape>"
            .formatted(x));
      }
      previous = next;
      x += 160;
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://muniflow.jp/test">
          <bpmn:process id="%1$s" name="長い確認" isExecutable="true" camunda:historyTimeToLive="P30D">
            <bpmn:startEvent id="StartEvent_1"/>
            %2$s
          </bpmn:process>
          <bpmndi:BPMNDiagram id="BPMNDiagram_1">
            <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="%1$s">%3$s</bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """.formatted(key, flow, shapes);
  }

  /** Decision requirements: {@code decisions} decisions in one row 240 px apart, each a one-rule table. */
  static String decisions(String key, int decisions) {
    StringBuilder body = new StringBuilder();
    StringBuilder shapes = new StringBuilder();
    for (int i = 1; i <= decisions; i++) {
      String id = key + "_" + i;
      body.append("""
          <decision id="%1$s" name="判定%2$d" camunda:historyTimeToLive="P180D">
            <decisionTable id="Table_%2$d">
              <input id="Input_%2$d" label="種別"><inputExpression id="InputExpression_%2$d" typeRef="string"><text>kind</text></inputExpression></input>
              <output id="Output_%2$d" name="result" typeRef="string"/>
              <rule id="Rule_%2$d"><inputEntry id="InputEntry_%2$d"><text>-</text></inputEntry><outputEntry id="OutputEntry_%2$d"><text>"ok"</text></outputEntry></rule>
            </decisionTable>
          </decision>
          """.formatted(id, i));
      shapes.append("<dmndi:DMNShape id=\"Shape_%d\" dmnElementRef=\"%s\"><dc:Bounds height=\"80\" width=\"180\" x=\"%d\" y=\"100\"/></dmndi:DMNShape>"
          .formatted(i, id, 100 + (i - 1) * 240));
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_%1$s" name="判定の列" namespace="http://muniflow.jp/test">
          %2$s
          <dmndi:DMNDI><dmndi:DMNDiagram id="Diagram_1">%3$s</dmndi:DMNDiagram></dmndi:DMNDI>
        </definitions>
        """.formatted(key, body, shapes);
  }
}
