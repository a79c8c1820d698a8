package cn.shixun.policy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of each table through the engine, so that a process
 * owner can deploy a new version of a notice's table without a code change.
 */
@Component
class EnginePolicyDecisions extends DmnPolicyDecisions {

    private final RepositoryService repository;
    private final DecisionService decisions;

    EnginePolicyDecisions(RepositoryService repository, DecisionService decisions) {
        this.repository = repository;
        this.decisions = decisions;
    }

    @Override
    protected Evaluation evaluate(String decisionKey, Map<String, Object> variables) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey).withoutTenantId().latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("decision table " + decisionKey + " is not deployed");
        }
        // Evaluate by id, so the version reported is exactly the version that answered.
        List<Map<String, Object>> rows = decisions.evaluateDecisionTableById(latest.getId())
                .variables(variables).evaluate().getResultList();
        return new Evaluation(rows, new DecisionRef(decisionKey, latest.getVersion()));
    }
}
