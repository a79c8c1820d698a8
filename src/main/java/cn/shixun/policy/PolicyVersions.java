package cn.shixun.policy;

import cn.shixun.shared.BusinessRuleException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes a policy version: from then on it is chosen for the dates from its effective date on
 * ({@link PolicyProfiles#version}) and evaluates the decision tables it is pinned to. A published
 * version is never edited: a changed notice is a new version.
 */
@Service
public class PolicyVersions {

    private final PolicyCatalogue catalogue;
    private final PolicyVersionPins pins;
    private final PolicyProfiles profiles;
    private final RepositoryService repository;

    PolicyVersions(PolicyCatalogue catalogue, PolicyVersionPins pins, PolicyProfiles profiles,
                   RepositoryService repository) {
        this.catalogue = catalogue;
        this.pins = pins;
        this.profiles = profiles;
        this.repository = repository;
    }

    /**
     * Publishes {@code version} (code, number, effective dates, notice) for the regions the notice
     * names, pinned to the decision definitions in {@link PolicyProfile#decisions()}; a table it names
     * no pin for is pinned to its latest deployed definition. Every node sees it within a second.
     *
     * @throws BusinessRuleException when the profile already has a version of that number, or a pin
     *                               names no deployed definition of its table
     */
    @Transactional
    public void publish(PolicyProfile version, List<String> regions, String publishedBy) {
        catalogue.lock();
        if (catalogue.exists(version.code(), version.version())) {
            throw BusinessRuleException.conflict(null, "version", "policy.version-exists", version.code(),
                    version.version());
        }
        long id = catalogue.insertPublished(version, publishedBy);
        regions.forEach(region -> catalogue.addRegion(id, region));
        for (Map.Entry<String, String> pin : version.decisions().entrySet()) {
            DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionId(pin.getValue())
                    .singleResult();
            if (!PolicyVersionPins.DECISION_KEYS.contains(pin.getKey()) || definition == null
                    || !definition.getKey().equals(pin.getKey())) {
                throw BusinessRuleException.violation(null, "decisions", "policy.pin-not-deployed", pin.getKey(),
                        pin.getValue());
            }
            catalogue.pin(id, pin.getKey(), definition.getId(), definition.getVersion());
        }
        pins.pinMissing(id, version.decisions().keySet());
        catalogue.bump();
        reloadAfterCommit();
    }

    private void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    profiles.reload();
                }
            });
        } else {
            profiles.reload();
        }
    }
}
