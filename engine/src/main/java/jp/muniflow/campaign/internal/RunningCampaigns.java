package jp.muniflow.campaign.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.muniflow.engineadapter.AsSystem;
import jp.muniflow.processes.campaign.StartCampaignDelegate;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The campaigns still running: the instances the campaign block has started ({@code campaignMembers} set), with their
 * year and how many of their municipalities have been accepted so far. For those who see every municipality (the
 * coordinator who started the campaign, administrators): a campaign started this morning is in their list before
 * any figure is accepted.
 */
@Component
class RunningCampaigns {

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final AsSystem asSystem;

  RunningCampaigns(RuntimeService runtime, RepositoryService repository, AsSystem asSystem) {
    this.runtime = runtime;
    this.repository = repository;
    this.asSystem = asSystem;
  }

  /** A running campaign: its instance, its process's name, year, members asked and accepted so far. */
  record Running(String id, String name, int fiscalYear, int members, int accepted) {
  }

  List<Running> all() {
    return asSystem.call(() -> {
      List<Running> running = new ArrayList<>();
      for (ProcessInstance p : runtime.createProcessInstanceQuery()
          .variableValueGreaterThanOrEqual(StartCampaignDelegate.MEMBERS_VARIABLE, 0).list()) {
        Map<String, Object> v = runtime.getVariables(p.getId(), List.of("fiscalYear",
            StartCampaignDelegate.MEMBERS_VARIABLE, StartCampaignDelegate.ACCEPTED_VARIABLE));
        Integer year = whole(v.get("fiscalYear"));
        if (year == null) {
          // a campaign without a year has no place in a list by year; its tasks and notices still reach everyone
          continue;
        }
        String name = repository.getProcessDefinition(p.getProcessDefinitionId()).getName();
        Integer members = whole(v.get(StartCampaignDelegate.MEMBERS_VARIABLE));
        Integer accepted = whole(v.get(StartCampaignDelegate.ACCEPTED_VARIABLE));
        running.add(new Running(p.getId(), name, year, members == null ? 0 : members, accepted == null ? 0 : accepted));
      }
      return running;
    });
  }

  private static Integer whole(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return value == null ? null : Integer.valueOf(value.toString().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
