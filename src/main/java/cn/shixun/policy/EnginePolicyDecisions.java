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
 * Evaluates the table version a policy version is pinned to ({@link PolicyKey#decisionDefinitionId}),
 * so that a later deployment of a table (a process owner's new notice) leaves the published
 * versions, and with them every past period, as they were (ADR 0012). A key without a pin (a profile
 * built by hand in a test) is evaluated at the latest deployed version.
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
    /** Pinned definitions by id. */
    private final Map<String, DecisionDefinition> pinnedDefinitions = new ConcurrentHashMap<>();

    EnginePolicyDecisions(ProcessEngine engine) {
        this.repository = engine.getRepositoryService();
        this.decisions = engine.getDecisionService();
        // A plain DMN engine with the default (FEEL) configuration, as the process engine uses.
        this.dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    }

    @Override
    protected Evaluation evaluate(String decisionKey, PolicyKey key, Map<String, Object> variables) {
        DecisionDefinition definition = definition(decisionKey, key.decisionDefinitionId(decisionKey));
        // By id, so the version reported is exactly the version that answered.
        boolean audited = AUDITED.contains(decisionKey) && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        List<Map<String, Object>> rows = audited
                ? decisions.evaluateDecisionTableById(definition.getId()).variables(variables).evaluate().getResultList()
                : dmnEngine.evaluateDecisionTable(parsed(definition), variables).getResultList();
        return new Evaluation(rows, new DecisionRef(decisionKey, definition.getVersion()));
    }

    private DecisionDefinition definition(String decisionKey, String pinned) {
        if (pinned != null) {
            // A deployed definition never changes: looked up once, not on every status query.
            return pinnedDefinitions.computeIfAbsent(pinned, id -> {
                DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionId(id)
                        .singleResult();
                if (definition == null || !definition.getKey().equals(decisionKey)) {
                    throw new IllegalStateException("the policy version pins " + decisionKey + " to " + id
                            + ", which is not a deployed definition of that table");
                }
                return definition;
            });
        }
        DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey).withoutTenantId().latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("decision table " + decisionKey + " is not deployed");
        }
        return latest;
    }

    private DmnDecision parsed(DecisionDefinition definition) {
        return parsed.computeIfAbsent(definition.getId(),
                id -> dmnEngine.parseDecision(definition.getKey(), repository.getDecisionModel(id)));
    }
}
