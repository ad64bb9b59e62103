package jp.muniflow.modeling.internal.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import jp.muniflow.modeling.internal.gate.DelegateAllowList;
import jp.muniflow.processes.block.BlockInput;
import jp.muniflow.processes.notice.NoticeTemplateCatalog;
import jp.muniflow.tenants.Secretariat;
import jp.muniflow.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The building blocks as Camunda 7 element templates, for the modeler's properties panel: one template per block,
 * generated from what the block declares ({@link jp.muniflow.processes.block.BuildingBlock#inputs()}), so that the
 * panel can never offer an input the deployment gate would refuse, nor miss one it requires. A template makes the
 * chosen task a service task calling the block ({@code camunda:delegateExpression}, {@code camunda:asyncBefore}) and
 * shows each input as a {@code camunda:inputParameter} with a label and a description in the page's language; a
 * notice template, a set of municipalities and a process key are picked from a list of what exists now.
 */
@Service
class BlockTemplates {

  /** The prefix of the templates' ids: {@code muniflow.block.issueNoticeDelegate}. */
  static final String ID_PREFIX = "muniflow.block.";
  /** The sets of municipalities a campaign may name by a word ({@link jp.muniflow.processes.block.InputKind#TENANT_SET}). */
  static final List<String> NAMED_SETS = List.of("all", "wards", "cities", "towns-villages");

  private final Supplier<Set<String>> beans;
  private final Function<String, Optional<List<BlockInput>>> blocks;
  private final NoticeTemplateCatalog notices;
  private final TenantRegistry registry;
  private final Supplier<Map<String, String>> processes;
  private final MessageSource messages;

  @Autowired
  BlockTemplates(DelegateAllowList delegates, NoticeTemplateCatalog notices, TenantRegistry registry,
      Definitions definitions, MessageSource messages) {
    this(delegates::names, delegates::blockInputs, notices, registry, () -> processes(definitions), messages);
  }

  /**
   * @param beans     the allowed delegates' bean names
   * @param blocks    the inputs a bean declares, empty for a bean that is no building block
   * @param processes the deployed processes a campaign may start, key to label
   */
  BlockTemplates(Supplier<Set<String>> beans, Function<String, Optional<List<BlockInput>>> blocks,
      NoticeTemplateCatalog notices, TenantRegistry registry, Supplier<Map<String, String>> processes,
      MessageSource messages) {
    this.beans = beans;
    this.blocks = blocks;
    this.notices = notices;
    this.registry = registry;
    this.processes = processes;
    this.messages = messages;
  }

  /** The latest processes' keys, each labelled with its name, sorted by key. */
  private static Map<String, String> processes(Definitions definitions) {
    Map<String, String> keys = new TreeMap<>();
    definitions.list().stream().filter(d -> "process".equals(d.type()) && d.latest())
        .forEach(d -> keys.putIfAbsent(d.key(), d.name() == null || d.name().isBlank() ? d.key() : d.name() + "（" + d.key() + "）"));
    return keys;
  }

  /** One element template per building block, sorted by bean name, labelled in the locale's language. */
  List<Map<String, Object>> templates(Locale locale) {
    List<Map<String, Object>> templates = new ArrayList<>();
    for (String bean : new TreeSet<>(beans.get())) {
      blocks.apply(bean).ifPresent(inputs -> templates.add(template(bean, inputs, locale)));
    }
    return templates;
  }

  private Map<String, Object> template(String bean, List<BlockInput> inputs, Locale locale) {
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("name", text("block." + bean + ".name", locale));
    template.put("id", ID_PREFIX + bean);
    template.put("version", 1);
    template.put("description", text("block." + bean + ".description", locale));
    // any task may become the block: the template turns it into a service task
    template.put("appliesTo", List.of("bpmn:Task"));
    template.put("elementType", Map.of("value", "bpmn:ServiceTask"));
    template.put("groups", List.of(Map.of("id", "inputs", "label", text("block.group", locale))));
    List<Map<String, Object>> properties = new ArrayList<>();
    properties.add(hidden("${" + bean + "}", "camunda:delegateExpression"));
    // every block runs as a job of the system, after the step before it has committed (see the blocks' javadoc)
    properties.add(hidden("true", "camunda:asyncBefore"));
    for (BlockInput input : inputs) {
      properties.add(input(bean, input, locale));
    }
    template.put("properties", properties);
    return template;
  }

  private static Map<String, Object> hidden(String value, String property) {
    return Map.of("type", "Hidden", "value", value, "binding", Map.of("type", "property", "name", property));
  }

  private Map<String, Object> input(String bean, BlockInput input, Locale locale) {
    Map<String, Object> property = new LinkedHashMap<>();
    property.put("id", input.name());
    property.put("label", text("block." + bean + "." + input.name(), locale) + (input.required() ? " *" : ""));
    property.put("description", text("block." + bean + "." + input.name() + ".description", locale));
    property.put("group", "inputs");
    Map<String, String> choices = choices(input, locale);
    if (choices == null || choices.isEmpty()) {
      property.put("type", "String");
    } else {
      property.put("type", "Dropdown");
      List<Map<String, String>> list = new ArrayList<>();
      if (!input.required()) {
        list.add(Map.of("name", text("block.choice.none", locale), "value", ""));
      }
      choices.forEach((value, name) -> list.add(Map.of("name", name, "value", value)));
      property.put("choices", list);
      // a dropdown shows its first choice: the model must hold it too, or the panel and the XML disagree
      property.put("value", list.get(0).get("value"));
    }
    property.put("binding", Map.of("type", "camunda:inputParameter", "name", input.name()));
    if (input.required()) {
      property.put("constraints", Map.of("notEmpty", true));
    }
    return property;
  }

  /** The values an input may take, value to label; {@code null} where the input is free text. */
  private Map<String, String> choices(BlockInput input, Locale locale) {
    return switch (input.kind()) {
      case NOTICE_TEMPLATE -> {
        Map<String, String> templates = new LinkedHashMap<>();
        notices.titles().forEach((key, title) -> templates.put(key, title + "（" + key + "）"));
        yield templates;
      }
      case TENANT_SET -> {
        Map<String, String> sets = new LinkedHashMap<>();
        for (String set : NAMED_SETS) {
          sets.put(set, text("block.tenants." + set, locale));
        }
        for (Secretariat s : registry.secretariats()) {
          String name = "en".equals(locale.getLanguage()) ? s.nameEn() : s.name();
          sets.put("secretariat:" + s.id(), messages.getMessage("block.tenants.secretariat", new Object[] {name}, locale));
        }
        yield sets;
      }
      case PROCESS_KEY -> processes.get();
      case TEXT, VARIABLE_NAME, VARIABLE_NAMES -> null;
    };
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }
}
