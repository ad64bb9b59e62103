package jp.muniflow.modeling.internal.admin;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import jp.muniflow.modeling.internal.gate.SafeXml;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The difference between two versions of a model: a unified text diff of the XML (what changed, line by line) and
 * the ids of the elements added, removed and changed (what an administrator looks for in the diagram). Diagram
 * layout (BPMN DI, DMN DI) is left out of the element lists: moving a shape changes no behaviour.
 */
final class ModelDiff {

  private static final int CONTEXT_LINES = 3;

  private ModelDiff() {
  }

  record Result(String unifiedDiff, List<String> added, List<String> removed, List<String> changed) {
  }

  static Result between(String fromName, byte[] from, String toName, byte[] to) {
    List<String> a = lines(from);
    List<String> b = lines(to);
    List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, a, DiffUtils.diff(a, b), CONTEXT_LINES);
    Map<String, String> before = elements(from);
    Map<String, String> after = elements(to);
    List<String> added = after.keySet().stream().filter(id -> !before.containsKey(id)).sorted().toList();
    List<String> removed = before.keySet().stream().filter(id -> !after.containsKey(id)).sorted().toList();
    List<String> changed = before.keySet().stream()
        .filter(id -> after.containsKey(id) && !Objects.equals(before.get(id), after.get(id))).sorted().toList();
    return new Result(String.join("\n", unified), added, removed, changed);
  }

  private static List<String> lines(byte[] xml) {
    return Arrays.asList(new String(xml, StandardCharsets.UTF_8).split("\\R", -1));
  }

  /** Each element with an id, as a canonical text of its attributes, own text and id-less children. */
  private static Map<String, String> elements(byte[] xml) {
    Map<String, String> byId = new LinkedHashMap<>();
    try {
      collect(SafeXml.parse(xml).getDocumentElement(), byId);
    } catch (IOException | SAXException e) {
      // an unreadable version has no elements to compare; the text diff still shows it
    }
    return byId;
  }

  private static void collect(Element element, Map<String, String> byId) {
    if (isDiagram(element)) {
      return;
    }
    String id = element.getAttribute("id");
    if (!id.isBlank()) {
      byId.put(id, canonical(element));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        collect(e, byId);
      }
    }
  }

  private static String canonical(Element element) {
    StringBuilder out = new StringBuilder("<").append(element.getLocalName());
    NamedNodeMap attributes = element.getAttributes();
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node a = attributes.item(i);
      sorted.put(a.getNodeName(), a.getNodeValue());
    }
    sorted.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
    out.append('>');
    List<String> parts = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        // a child with an id of its own is compared on its own; here only that it is there
        parts.add(e.getAttribute("id").isBlank() ? canonical(e) : "#" + e.getAttribute("id"));
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        String text = child.getNodeValue().strip();
        if (!text.isEmpty()) {
          parts.add(text);
        }
      }
    }
    return out.append(String.join("", parts)).append("</").append(element.getLocalName()).append('>').toString();
  }

  private static boolean isDiagram(Element element) {
    String ns = element.getNamespaceURI();
    return ns != null && (ns.contains("/DI") || ns.contains("/DC") || ns.contains("/DMNDI/") || ns.contains("/DD/"));
  }
}
