package cn.shixun.processowner.migration;

import cn.shixun.processowner.migration.PlanPreview.Problem;
import cn.shixun.processowner.migration.PlanPreview.Row;
import cn.shixun.processowner.migration.PlanPreview.Version;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.ProcedureModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The engine's migration plan between two versions of one procedure ({@code mapEqualActivities}: a
 * step keeps its id from version to version), read for a person:
 * which step becomes which, how many cases wait at each (the engine's activity statistics, one
 * query), which steps have no counterpart so that their cases stay, and why a plan cannot be
 * executed — the engine's refusal of an instruction, a form the target's steps name but its
 * deployment lacks, or no case that could move. Nothing here moves a case.
 */
@Component
class MigrationPlanner {

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final Set<String> procedures;
    private final MessageSource messages;

    MigrationPlanner(RepositoryService repository, RuntimeService runtime, ManagementService management,
                     List<ProcedureModel> procedures, MessageSource messages) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.procedures = procedures.stream().map(ProcedureModel::processKey).collect(Collectors.toSet());
        this.messages = messages;
    }

    /**
     * A plan with what it would move; {@code plan} null when the engine refused to build one.
     *
     * @param selection the running cases it moves (process instance ids)
     * @param wholeVersion no step with running cases stays: every running case of the source moves
     */
    record Prepared(PlanPreview preview, MigrationPlan plan, List<String> selection, boolean wholeVersion) {
    }

    /** The plan from {@code sourceId} to {@code targetId}; refused when the two are no versions of one procedure or nothing runs. */
    Prepared prepare(String sourceId, String targetId) {
        ProcessDefinition source = definition("source", sourceId);
        ProcessDefinition target = definition("target", targetId);
        if (!procedures.contains(source.getKey())) {
            throw BusinessRuleException.violation(null, "source", "migration.not-a-procedure", source.getKey());
        }
        if (source.getId().equals(target.getId())) {
            throw BusinessRuleException.violation(null, "target", "migration.same-version", version(source).label());
        }
        if (!source.getKey().equals(target.getKey())) {
            throw BusinessRuleException.violation(null, "target", "migration.different-procedure",
                    version(source).label(), version(target).label());
        }
        Map<String, Long> open = management.createActivityStatisticsQuery(source.getId()).list().stream()
                .filter(step -> step.getInstances() > 0)
                .collect(Collectors.toMap(ActivityStatistics::getId, step -> (long) step.getInstances(), Long::sum, LinkedHashMap::new));
        if (open.isEmpty()) {
            throw BusinessRuleException.violation(null, "source", "migration.no-running-cases", version(source).label());
        }
        ModelSteps from = ModelSteps.read(repository.getProcessModel(source.getId()));
        ModelSteps to = ModelSteps.read(repository.getProcessModel(target.getId()));
        List<Problem> problems = new ArrayList<>();
        MigrationPlan plan;
        try {
            // Without updateEventTriggers (ADR 0012 names it): with it, the engine computes the deadline timers of an open
            // task again from the migration's moment (camunda:dueDate P10D from now), later than the task's own due date.
            // Without it they move to the new version as they are, and the open task's deadlines stay (CaseMigrationIT).
            plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
        } catch (MigrationPlanValidationException refused) {
            refused.getValidationReport().getInstructionReports().forEach(report -> problems.add(refusal(report, from, to)));
            if (problems.isEmpty()) {
                problems.add(new Problem("plan", text("migration.problem.plan"), refused.getMessage()));
            }
            plan = null;
        }
        Map<String, String> mapped = plan == null ? Map.of() : plan.getInstructions().stream().collect(Collectors.toMap(
                MigrationInstruction::getSourceActivityId, MigrationInstruction::getTargetActivityId, (a, b) -> a, LinkedHashMap::new));
        List<Row> steps = mapped.entrySet().stream()
                .filter(entry -> from.get(entry.getKey()).task() || open.containsKey(entry.getKey()))
                .map(entry -> new Row(entry.getKey(), from.get(entry.getKey()).label(), entry.getValue(),
                        to.get(entry.getValue()).label(), open.getOrDefault(entry.getKey(), 0L)))
                .toList();
        List<Row> staying = open.entrySet().stream().filter(entry -> !mapped.containsKey(entry.getKey()))
                .map(entry -> new Row(entry.getKey(), from.get(entry.getKey()).label(), null, null, entry.getValue()))
                .toList();
        List<String> added = to.byId().values().stream()
                .filter(step -> step.task() && !mapped.containsValue(step.id())).map(ModelSteps.Step::label).toList();
        problems.addAll(missingForms(target, to));
        List<String> selection = plan == null ? List.of()
                : selection(source.getId(), mapped.keySet(), staying.stream().map(Row::sourceId).toList());
        if (plan != null && selection.isEmpty()) {
            problems.add(new Problem("nothing-to-move", text("migration.problem.nothing-to-move", version(target).label()), null));
        }
        return new Prepared(new PlanPreview(version(source), version(target), steps, staying, added, problems,
                selection.size()), plan, selection, staying.isEmpty());
    }

    /**
     * The running cases of {@code sourceId} at a step the plan maps and at none it does not: a case
     * with a token on a step that stays would fail its migration, so it stays whole.
     */
    private List<String> selection(String sourceId, Collection<String> mappedSteps, Collection<String> stayingSteps) {
        if (mappedSteps.isEmpty()) {
            return List.of();
        }
        Set<String> staying = stayingSteps.isEmpty() ? Set.of() : ids(runtime.createProcessInstanceQuery()
                .processDefinitionId(sourceId).activityIdIn(stayingSteps.toArray(String[]::new)).list());
        return runtime.createProcessInstanceQuery().processDefinitionId(sourceId)
                .activityIdIn(mappedSteps.toArray(String[]::new)).list().stream()
                .map(ProcessInstance::getId).filter(id -> !staying.contains(id)).sorted().toList();
    }

    /** The other versions of the procedure of {@code definitionId}, newest first: the choices of target. */
    List<Version> otherVersions(String definitionId) {
        ProcessDefinition definition = definition("source", definitionId);
        return repository.createProcessDefinitionQuery().processDefinitionKey(definition.getKey()).list().stream()
                .filter(other -> !other.getId().equals(definitionId))
                .sorted(Comparator.comparingInt(ProcessDefinition::getVersion).reversed()).map(MigrationPlanner::version).toList();
    }

    /** A form a target's user task names with binding {@code deployment} must be in the target's deployment, or moved cases reach a task without its form. */
    private List<Problem> missingForms(ProcessDefinition target, ModelSteps steps) {
        Set<String> deployed = new HashSet<>(repository.getDeploymentResourceNames(target.getDeploymentId()));
        return steps.byId().values().stream()
                .filter(step -> step.deploymentForm() != null && !deployed.contains(step.deploymentForm() + ".form"))
                .map(step -> new Problem("form-missing", text("migration.problem.form-missing", step.label(), step.deploymentForm()), null))
                .toList();
    }

    private Problem refusal(MigrationInstructionValidationReport report, ModelSteps from, ModelSteps to) {
        MigrationInstruction instruction = report.getMigrationInstruction();
        return new Problem("instruction", text("migration.problem.instruction", from.get(instruction.getSourceActivityId()).label(),
                to.get(instruction.getTargetActivityId()).label()), String.join("; ", report.getFailures()));
    }

    private ProcessDefinition definition(String field, String id) {
        if (id == null || id.isBlank()) {
            throw BusinessRuleException.violation(null, field, "migration.definition-required");
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
        if (definition == null) {
            throw BusinessRuleException.notFound(field, "migration.definition-not-found", id);
        }
        return definition;
    }

    /** A version by id, as recorded with a migration (a deleted deployment leaves the bare id). */
    Version version(String definitionId) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(definitionId).singleResult();
        return definition == null ? new Version(definitionId, null, definitionId, 0) : version(definition);
    }

    static Version version(ProcessDefinition definition) {
        return new Version(definition.getId(), definition.getKey(),
                definition.getName() == null ? definition.getKey() : definition.getName(), definition.getVersion());
    }

    private static Set<String> ids(List<ProcessInstance> instances) {
        return instances.stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
