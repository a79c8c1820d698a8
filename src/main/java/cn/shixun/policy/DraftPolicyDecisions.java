package cn.shixun.policy;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * The decision tables of a draft, evaluated without deploying them: a table the draft has is
 * answered from its XML by a standalone DMN engine (the same FEEL configuration the process engine
 * uses); any other table as the published policy answers it. Answers name the table with version 0,
 * "not deployed". Used to run policy test cases and the impact preview on a draft (ADR 0012).
 */
public final class DraftPolicyDecisions extends DmnPolicyDecisions {

    /** The version an answer from a draft table reports: none deployed yet. */
    public static final int DRAFT_VERSION = 0;

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private final Map<String, DmnDecision> drafts;
    private final DmnPolicyDecisions published;

    private DraftPolicyDecisions(Map<String, DmnDecision> drafts, DmnPolicyDecisions published) {
        this.drafts = drafts;
        this.published = published;
    }

    /**
     * @param tables the draft's tables by decision key (e.g. {@link PolicyDecisions#REQUIREMENTS})
     * @throws IllegalArgumentException when a table does not parse, naming the key
     */
    public static PolicyDecisions of(PolicyDecisions published, Map<String, byte[]> tables) {
        if (!(published instanceof DmnPolicyDecisions dmn)) {
            throw new IllegalArgumentException("the published decisions are not decision tables: " + published);
        }
        Map<String, DmnDecision> parsed = new HashMap<>();
        tables.forEach((key, xml) -> {
            try {
                parsed.put(key, ENGINE.parseDecision(key, new ByteArrayInputStream(xml)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("draft table " + key + " does not parse: " + e.getMessage(), e);
            }
        });
        return new DraftPolicyDecisions(Map.copyOf(parsed), dmn);
    }

    @Override
    protected Evaluation evaluate(String decisionKey, PolicyKey key, Map<String, Object> variables) {
        DmnDecision draft = drafts.get(decisionKey);
        if (draft == null) {
            return published.evaluate(decisionKey, key, variables);
        }
        return new Evaluation(ENGINE.evaluateDecisionTable(draft, variables).getResultList(),
                new DecisionRef(decisionKey, DRAFT_VERSION));
    }
}
