package cn.shixun.tasks.web;

import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.Worklists;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * What the workbench's filter offers: the procedures by name, only those with work for the
 * reviewer (a deployment without tasks for them, e.g. a test's, is not offered), and the steps of
 * those procedures by the names people call them.
 */
@Component
class WorklistChoices {

    private final RepositoryService repository;
    private final Worklists worklists;

    WorklistChoices(RepositoryService repository, Worklists worklists) {
        this.repository = repository;
        this.worklists = worklists;
    }

    /** The procedures and steps to offer, and every deployed procedure's name by key (rows name theirs). */
    record Choices(Map<String, String> processes, List<String> steps, Map<String, String> names) {
    }

    /** The keys of the deployed procedures. */
    Set<String> processKeys() {
        return repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey).collect(Collectors.toSet());
    }

    Choices of(CurrentAccount account, String chosenProcess) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> offered = new LinkedHashMap<>();
        List<ProcessDefinition> stepsFrom = new ArrayList<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionName().asc().list()) {
            String key = definition.getKey();
            names.put(key, definition.getName() == null ? key : definition.getName());
            boolean chosen = key.equals(chosenProcess);
            if (chosen || worklists.hasWork(account, key)) {
                offered.put(key, names.get(key));
                if (chosenProcess == null || chosen) {
                    stepsFrom.add(definition);
                }
            }
        }
        TreeSet<String> steps = new TreeSet<>();
        stepsFrom.forEach(definition -> repository.getBpmnModelInstance(definition.getId())
                .getModelElementsByType(UserTask.class).stream().map(UserTask::getName)
                .filter(name -> name != null && !name.isBlank()).forEach(steps::add));
        return new Choices(offered, List.copyOf(steps), names);
    }
}
