package cn.shixun.policy;

import cn.shixun.models.ModelsSeeded;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pins every published policy version that has no pin for one of the four decision tables to the
 * definition deployed for it now (ADR 0012): at start-up, right after {@code models.ModelSeeder}
 * deployed the repository's tables (the versions V150 seeds, or a legacy import, have none: SQL
 * cannot see the engine), and at publication for the tables a publication names no pin for. From
 * then on a later deployment of a table leaves the version on its pinned one.
 */
@Component
class PolicyVersionPins implements ApplicationListener<ModelsSeeded> {

    private static final Logger log = LoggerFactory.getLogger(PolicyVersionPins.class);

    private final PolicyCatalogue catalogue;
    private final PolicyProfiles profiles;
    private final RepositoryService repository;
    private final TransactionTemplate transactions;

    PolicyVersionPins(PolicyCatalogue catalogue, PolicyProfiles profiles, RepositoryService repository,
                      PlatformTransactionManager transactionManager) {
        this.catalogue = catalogue;
        this.profiles = profiles;
        this.repository = repository;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void onApplicationEvent(ModelsSeeded event) {
        AtomicInteger pinned = new AtomicInteger();
        transactions.executeWithoutResult(status -> {
            // Nodes starting at once pin one after the other: the second finds the pins written.
            catalogue.lock();
            catalogue.publishedPins().forEach((versionId, keys) -> pinned.addAndGet(pinMissing(versionId, keys)));
            if (pinned.get() > 0) {
                catalogue.bump();
            }
        });
        if (pinned.get() > 0) {
            profiles.reload();
        }
    }

    /**
     * Pins the tables of {@code versionId} not among {@code pinned} to their latest deployed
     * definitions (a table not deployed yet stays unpinned until a start-up has deployed it); how many.
     * Runs in the caller's transaction, which holds the catalogue's lock.
     */
    int pinMissing(long versionId, Collection<String> pinned) {
        Map<String, String> pins = new TreeMap<>();
        for (String key : PolicyDecisions.TABLES) {
            if (pinned.contains(key)) {
                continue;
            }
            DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .withoutTenantId().latestVersion().singleResult();
            if (latest != null) {
                catalogue.pin(versionId, key, latest.getId(), latest.getVersion());
                pins.put(key, latest.getId());
            }
        }
        if (!pins.isEmpty()) {
            log.info("Pinned policy_version {} to the latest deployed tables {}", versionId, pins);
        }
        return pins.size();
    }
}
