package cn.shixun.processowner;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.ProcedureModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.stereotype.Component;

/**
 * What the engine runs, as the console lists it: our procedures (the {@link ProcedureModel}s the
 * procedure modules declare) and the decision tables, each with its deployed versions, and the
 * models' XML for the viewers. Definitions are read in one query per kind and grouped here.
 */
@Component
class ModelCatalogue {

    private final RepositoryService repository;
    private final List<ProcedureModel> procedures;
    private final CaseCounts counts;

    ModelCatalogue(RepositoryService repository, List<ProcedureModel> procedures, CaseCounts counts) {
        this.repository = repository;
        this.procedures = procedures;
        this.counts = counts;
    }

    /** Every procedure, with its latest version and the cases of all its versions. */
    Counted<List<ProcedureSummary>> procedures() {
        Map<String, List<ProcessDefinition>> byKey = repository.createProcessDefinitionQuery().list().stream()
                .collect(Collectors.groupingBy(ProcessDefinition::getKey));
        Counted<CaseCounts.PerDefinition> cases = counts.perDefinition();
        List<ProcedureSummary> summaries = procedures.stream().map(ProcedureModel::processKey).sorted().map(key -> {
            List<ProcessDefinition> versions = byKey.getOrDefault(key, List.of());
            Optional<ProcessDefinition> latest = versions.stream().max(Comparator.comparingInt(ProcessDefinition::getVersion));
            return new ProcedureSummary(key, latest.map(ProcessDefinition::getName).orElse(key), versions.size(),
                    latest.map(ProcessDefinition::getVersion).orElse(0), latest.map(ProcessDefinition::getVersionTag).orElse(null),
                    versions.stream().mapToLong(version -> cases.value().running(version.getId())).sum(),
                    versions.stream().mapToLong(version -> cases.value().finished(version.getId())).sum());
        }).toList();
        return new Counted<>(summaries, cases.countedAt());
    }

    /** Every decision table, with its latest version. */
    List<DecisionSummary> decisions() {
        return repository.createDecisionDefinitionQuery().list().stream()
                .collect(Collectors.groupingBy(DecisionDefinition::getKey)).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> {
                    DecisionDefinition latest = entry.getValue().stream()
                            .max(Comparator.comparingInt(DecisionDefinition::getVersion)).orElseThrow();
                    return new DecisionSummary(entry.getKey(), latest.getName(), entry.getValue().size(),
                            latest.getVersion(), latest.getVersionTag());
                }).toList();
    }

    /** The versions of a procedure, newest first, with their cases. */
    Counted<List<ModelVersion>> procedureVersions(String key) {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().desc().list();
        if (definitions.isEmpty() || procedures.stream().noneMatch(procedure -> procedure.processKey().equals(key))) {
            throw BusinessRuleException.notFound("key", "processowner.procedure.not-found", key);
        }
        Counted<CaseCounts.PerDefinition> cases = counts.perDefinition();
        return new Counted<>(definitions.stream().map(definition -> version(definition,
                cases.value().running(definition.getId()), cases.value().finished(definition.getId()))).toList(),
                cases.countedAt());
    }

    /** The versions of a decision table, newest first. */
    List<ModelVersion> decisionVersions(String key) {
        List<DecisionDefinition> definitions = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .orderByDecisionDefinitionVersion().desc().list();
        if (definitions.isEmpty()) {
            throw BusinessRuleException.notFound("key", "processowner.decision.not-found", key);
        }
        return definitions.stream().map(definition -> version(definition, null, null)).toList();
    }

    ProcessDefinition procedure(String key, int version) {
        ProcessDefinition definition = procedures.stream().anyMatch(procedure -> procedure.processKey().equals(key))
                ? repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version)
                        .singleResult()
                : null;
        if (definition == null) {
            throw BusinessRuleException.notFound("version", "processowner.version.not-found", key, version);
        }
        return definition;
    }

    DecisionDefinition decision(String key, int version) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .decisionDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw BusinessRuleException.notFound("version", "processowner.version.not-found", key, version);
        }
        return definition;
    }

    String procedureXml(String key, int version) {
        return text(repository.getProcessModel(procedure(key, version).getId()));
    }

    String decisionXml(String key, int version) {
        return text(repository.getDecisionModel(decision(key, version).getId()));
    }

    private ModelVersion version(ResourceDefinition definition, Long running, Long finished) {
        Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
        String tag = definition instanceof ProcessDefinition process ? process.getVersionTag()
                : ((DecisionDefinition) definition).getVersionTag();
        return new ModelVersion(definition.getId(), definition.getVersion(), tag,
                deployment == null || deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant(),
                deployment == null ? null : deployment.getSource(), deployment == null ? null : deployment.getName(),
                running, finished);
    }

    private static String text(InputStream model) {
        try (model) {
            return new String(model.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
