package jp.muniflow.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.muniflow.plan.GrantRules;

/**
 * A fiscal year's plan of the joint project, in the shape of {@code programs-fy2012.yaml}: the project, the year,
 * the total budget, and the programs by area with their kind and contact secretariats.
 */
public record PlanDocument(Project project, int fiscalYear, LocalDate decidedOn, long totalBudgetYen, List<Area> areas) {

  /** The joint project; {@code url} is its web address, which the press release prints. */
  public record Project(String name, String nameEn, Integer sinceFiscalYear, String url) {
  }

  public record Area(String code, String title, List<Program> programs) {
  }

  /**
   * A program; {@code subsidyCapYen} and {@code grantRules} (交付要綱, the articles its decisions cite, the standard
   * conditions of every grant) are set for the subsidy program (各団体の実施する事業との連携).
   */
  public record Program(String code, String title, String description, ProgramKind kind, List<String> contacts,
      Long subsidyCapYen, GrantRules grantRules) {
  }

  public List<Program> programs() {
    return areas.stream().flatMap(a -> a.programs().stream()).toList();
  }

  /** The cap per municipality of the plan's subsidy program, if it has one. */
  public java.util.Optional<Long> subsidyCap() {
    return programs().stream().map(Program::subsidyCapYen).filter(java.util.Objects::nonNull).findFirst();
  }

  /** The grant rules of the plan's subsidy program, if it has them. */
  public java.util.Optional<GrantRules> grantRules() {
    return programs().stream().map(Program::grantRules).filter(java.util.Objects::nonNull).findFirst();
  }

  /**
   * The plan as the notice templates read it: plain maps and lists (the press release prints the programs by area,
   * their kind and contacts, and the total).
   */
  public Map<String, Object> noticeModel() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("projectName", project.name());
    if (project.sinceFiscalYear() != null) {
      model.put("sinceFiscalYear", project.sinceFiscalYear());
    }
    if (project.url() != null) {
      model.put("projectUrl", project.url());
    }
    model.put("fiscalYear", fiscalYear);
    model.put("totalBudgetYen", totalBudgetYen);
    List<Map<String, Object>> areaList = new ArrayList<>();
    List<Map<String, Object>> programList = new ArrayList<>();
    for (Area area : areas) {
      areaList.add(Map.of("code", area.code(), "title", area.title()));
      for (Program p : area.programs()) {
        Map<String, Object> program = new LinkedHashMap<>();
        program.put("code", p.code());
        program.put("title", p.title());
        program.put("description", p.description() == null ? "" : p.description());
        program.put("kind", p.kind().code());
        program.put("contacts", List.copyOf(p.contacts()));
        program.put("areaCode", area.code());
        program.put("areaTitle", area.title());
        programList.add(program);
      }
    }
    model.put("areas", areaList);
    model.put("programs", programList);
    return model;
  }
}
