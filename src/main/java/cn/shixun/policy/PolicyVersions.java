package cn.shixun.policy;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.shared.BusinessRuleException;
import java.time.LocalDate;
import java.util.Comparator;
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
    private final Organisations organisations;

    PolicyVersions(PolicyCatalogue catalogue, PolicyVersionPins pins, PolicyProfiles profiles,
                   RepositoryService repository, Organisations organisations) {
        this.catalogue = catalogue;
        this.pins = pins;
        this.profiles = profiles;
        this.repository = repository;
        this.organisations = organisations;
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
        long id = catalogue.insert(version, PolicyCatalogue.PUBLISHED, publishedBy);
        regions.forEach(region -> catalogue.addRegion(id, region));
        for (Map.Entry<String, String> pin : version.decisions().entrySet()) {
            DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionId(pin.getValue())
                    .singleResult();
            if (!PolicyDecisions.TABLES.contains(pin.getKey()) || definition == null
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

    /**
     * Starts the next version of {@code profileCode} as a draft for a new notice: nothing evaluates
     * it until it is published. Its number is the next after the latest published; its effective date
     * must come after that version's, so that it never reaches back over a period already in force.
     *
     * @return the draft's id
     * @throws BusinessRuleException when the profile is unknown, has a draft already, or the date is not later
     */
    @Transactional
    public long startDraft(String profileCode, Notice notice, String startedBy) {
        catalogue.lock();
        PolicyProfile latest = profiles.all().stream().filter(p -> p.code().equals(profileCode))
                .max(Comparator.comparingInt(PolicyProfile::version))
                .orElseThrow(() -> BusinessRuleException.notFound("profileCode", "policy.unknown-profile", profileCode));
        if (catalogue.hasDraft(profileCode)) {
            throw BusinessRuleException.conflict(null, "profileCode", "policy.draft-exists", profileCode);
        }
        checkNotice(latest, notice);
        PolicyProfile draft = new PolicyProfile(profileCode, latest.version() + 1, notice.effectiveFrom(), notice.title().strip(),
                notice.effectiveTo(), notice.issuingBody(), notice.documentNumber(), Map.of());
        long id = catalogue.insert(draft, PolicyCatalogue.DRAFT, startedBy);
        catalogue.copyRegions(profileCode, latest.version(), id);
        return id;
    }

    /**
     * Corrects what a draft version says of its notice and the regions it names, each region a division
     * of the organisation tree that runs the draft's profile. Only a draft: once submitted the version is
     * what the second owner approves, once published it never changes.
     *
     * @throws BusinessRuleException naming the field: the notice's checks of {@link #startDraft}, an unknown
     *                               region or one that runs another profile, no region; 409 when not a draft
     */
    @Transactional
    public void reviseDraft(long id, Notice notice, List<String> regions) {
        catalogue.lock();
        PolicyProfile draft = version(id);
        PolicyProfile latest = profiles.all().stream().filter(p -> p.code().equals(draft.code()))
                .max(Comparator.comparingInt(PolicyProfile::version)).orElseThrow();
        checkNotice(latest, notice);
        List<String> codes = regionsRunning(draft.code(), regions);
        Notice stripped = new Notice(notice.title().strip(), notice.issuingBody(), notice.documentNumber(),
                notice.effectiveFrom(), notice.effectiveTo());
        if (!catalogue.reviseDraft(id, stripped)) {
            throw BusinessRuleException.conflict(null, "id", "policy.draft-not-editable", draft.label());
        }
        catalogue.replaceRegions(id, codes);
    }

    /** The division codes a version's notice names (a draft's included). */
    @Transactional(readOnly = true)
    public List<String> regions(long id) {
        return catalogue.regions(id);
    }

    private static void checkNotice(PolicyProfile latest, Notice notice) {
        if (notice.effectiveFrom() == null || !notice.effectiveFrom().isAfter(latest.effectiveFrom())) {
            throw BusinessRuleException.violation(null, "effectiveFrom", "policy.draft-effective-not-later",
                    latest.label(), latest.effectiveFrom());
        }
        if (notice.effectiveTo() != null && notice.effectiveTo().isBefore(notice.effectiveFrom())) {
            throw BusinessRuleException.violation(null, "effectiveTo", "policy.effective-to-before", notice.effectiveFrom());
        }
        if (notice.title() == null || notice.title().isBlank()) {
            throw BusinessRuleException.violation(null, "title", "policy.notice-title-required");
        }
    }

    /** The regions, distinct and in order, each checked to be a division of the tree that runs {@code profileCode}. */
    private List<String> regionsRunning(String profileCode, List<String> regions) {
        List<String> codes = regions == null ? List.of()
                : regions.stream().map(String::strip).filter(code -> !code.isEmpty()).distinct().sorted().toList();
        if (codes.isEmpty()) {
            throw BusinessRuleException.violation(null, "regions", "policy.regions-required");
        }
        for (String code : codes) {
            Organisation region = organisations.findByCode(code)
                    .orElseThrow(() -> BusinessRuleException.violation(null, "regions", "policy.unknown-region", code));
            String runs = organisations.effectivePolicyProfile(region.getId());
            if (!runs.equals(profileCode)) {
                throw BusinessRuleException.violation(null, "regions", "policy.region-other-profile", code, region.name(), runs);
            }
        }
        return codes;
    }

    /**
     * Discards a draft version: it was never in force, so it is deleted and its number is free for the
     * next draft. The caller removes what refers to it first.
     */
    @Transactional
    public void discardDraft(long id) {
        catalogue.lock();
        if (!catalogue.deleteDraft(id)) {
            throw BusinessRuleException.notFound("id", "policy.draft-not-found", id);
        }
    }

    /** A draft version goes for its four-eyes approval: it can no longer be discarded, only published or returned. */
    @Transactional
    public void submitDraft(long id, long publicationId) {
        catalogue.lock();
        if (!catalogue.moveDraft(id, PolicyCatalogue.DRAFT, PolicyCatalogue.SUBMITTED, publicationId)) {
            throw BusinessRuleException.conflict(null, "id", "policy.draft-not-a-draft", id);
        }
    }

    /** A submitted version comes back as a draft (its publication was rejected). */
    @Transactional
    public void returnDraft(long id) {
        catalogue.lock();
        if (!catalogue.moveDraft(id, PolicyCatalogue.SUBMITTED, PolicyCatalogue.DRAFT, null)) {
            throw BusinessRuleException.conflict(null, "id", "policy.draft-not-submitted", id);
        }
    }

    /**
     * Publishes a submitted version with its tables pinned to {@code deployed}, the definitions its
     * publication deployed (as the deployment returned them: a publication deploys inside the
     * publication case's job, where a query does not see them yet): from the next status query on it
     * is chosen for dates from its effective date, on every node within a second.
     */
    @Transactional
    public void publishSubmitted(long id, List<DecisionDefinition> deployed) {
        catalogue.lock();
        if (!catalogue.moveDraft(id, PolicyCatalogue.SUBMITTED, PolicyCatalogue.PUBLISHED, null)) {
            throw BusinessRuleException.conflict(null, "id", "policy.draft-not-submitted", id);
        }
        for (DecisionDefinition definition : deployed) {
            catalogue.pin(id, definition.getKey(), definition.getId(), definition.getVersion());
        }
        catalogue.bump();
        reloadAfterCommit();
    }

    /** A version by id, whatever its state (a draft, submitted, published), with its notice and without pins. */
    @Transactional(readOnly = true)
    public PolicyProfile version(long id) {
        return catalogue.version(id).orElseThrow(() -> BusinessRuleException.notFound("id", "policy.draft-not-found", id));
    }

    /** What a notice says about itself: its title, who issued it, its number, and when it applies. */
    public record Notice(String title, String issuingBody, String documentNumber, LocalDate effectiveFrom,
                         LocalDate effectiveTo) {
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
