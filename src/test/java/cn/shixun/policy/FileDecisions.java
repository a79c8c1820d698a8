package cn.shixun.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * The decision tables of {@code processes/} evaluated by a standalone DMN engine: the same
 * files the application deploys, without a process engine, for fast unit tests. Version 0
 * stands for "the file in the working tree".
 */
final class FileDecisions extends DmnPolicyDecisions {

    static final FileDecisions INSTANCE = new FileDecisions();

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    private FileDecisions() {
    }

    @Override
    protected Evaluation evaluate(String decisionKey, PolicyKey key, Map<String, Object> variables) {
        DmnDecision decision = parsed.computeIfAbsent(decisionKey, FileDecisions::parse);
        return new Evaluation(ENGINE.evaluateDecisionTable(decision, variables).getResultList(),
                new DecisionRef(decisionKey, 0));
    }

    static Path file(String decisionKey) {
        return Path.of("processes", decisionKey + ".dmn");
    }

    private static DmnDecision parse(String decisionKey) {
        try (InputStream in = Files.newInputStream(file(decisionKey))) {
            return ENGINE.parseDecision(decisionKey, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
