package cn.shixun.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evaluates the latest deployed version of each table, so that a process owner can deploy a
 * new version of a notice's figures without a code change.
 *
 * <p>Decisions that credit hours ({@code creditRules}, {@code recognisedCertificates}) go through
 * the engine's {@link DecisionService}, which records each evaluation in the decision history
 * (who was credited what by which rule, R-40). The look-ups the status query makes on every page
 * view ({@code cycleRules}, {@code requirements}) are evaluated by a plain DMN engine on the
 * same deployed version without a history row: writing one per view would cost more than the
 * whole query and grow the history without telling anyone anything. Inside a read-only
 * transaction (a preview: "what would this certificate earn?") nothing is audited either:
 * such a call writes nothing, and MySQL/MariaDB refuse the history insert on a read-only
 * connection.
 */
@Component
class EnginePolicyDecisions extends DmnPolicyDecisions {

    private static final Set<String> AUDITED = Set.of(CREDIT_RULES, RECOGNISED_CERTIFICATES);

    private final RepositoryService repository;
    private final DecisionService decisions;
    private final DmnEngine dmnEngine;
    /** Parsed tables by decision definition id; a deployed version never changes. */
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    EnginePolicyDecisions(ProcessEngine engine) {
        this.repository = engine.getRepositoryService();
        this.decisions = engine.getDecisionService();
        // A plain DMN engine with the default (FEEL) configuration, as the process engine uses.
        this.dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    }

    @Override
    protected Evaluation evaluate(String decisionKey, Map<String, Object> variables) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey).withoutTenantId().latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("decision table " + decisionKey + " is not deployed");
        }
        // By id, so the version reported is exactly the version that answered.
        boolean audited = AUDITED.contains(decisionKey) && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        List<Map<String, Object>> rows = audited
                ? decisions.evaluateDecisionTableById(latest.getId()).variables(variables).evaluate().getResultList()
                : dmnEngine.evaluateDecisionTable(parsed(latest), variables).getResultList();
        return new Evaluation(rows, new DecisionRef(decisionKey, latest.getVersion()));
    }

    private DmnDecision parsed(DecisionDefinition definition) {
        return parsed.computeIfAbsent(definition.getId(),
                id -> dmnEngine.parseDecision(definition.getKey(), repository.getDecisionModel(id)));
    }
}
