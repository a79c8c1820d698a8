package cn.shixun.processowner.drafts;

import cn.shixun.policy.DecisionPolicyChecks;
import cn.shixun.processowner.drafts.ModelDraft.Kind;
import cn.shixun.processowner.drafts.ModelDraft.State;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.EnumLabels;
import cn.shixun.tasks.ModelProblem;
import cn.shixun.tasks.ModelValidation;
import cn.shixun.tasks.ProcedureModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A process owner's drafts (ADR 0012 §2 "Drafts" and "Validation"): started from a deployed
 * process or decision definition (its XML and, for BPMN, the forms of its deployment) or from an
 * uploaded file, saved over the version the editor read ({@code lock_version}: the later of two
 * owners saving loses, nothing of theirs is stored), discarded, and validated as its deployment
 * would be: {@link ModelValidation}, plus {@link DecisionPolicyChecks} for a table and the forms a
 * BPMN draft names. Content that is no model (not XML, a DOCTYPE, another root) is never stored.
 * Every write is audited. A draft deploys nothing.
 */
@Service
public class ModelDrafts {

    /** The largest content a draft holds (ADR 0012: ≤ 2 MB). */
    public static final int MAX_CONTENT_BYTES = 2 * 1024 * 1024;
    static final String SUBJECT = "model-draft";
    /** A file name as deployed: no folders, no spaces, a model's extension. */
    private static final Pattern RESOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,150}\\.(bpmn|dmn)");

    private final ModelDraftStore store;
    private final RepositoryService repository;
    private final ModelValidation validation;
    private final CurrentAccounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** The procedures that deploy only as the repository's file (the four-eyes publication): never drafted. */
    private final Set<String> repositoryOnly;

    ModelDrafts(ModelDraftStore store, RepositoryService repository, ModelValidation validation, CurrentAccounts accounts,
                ApplicationEventPublisher events, Clock clock, List<ProcedureModel> procedures) {
        this.store = store;
        this.repositoryOnly = procedures.stream().filter(ProcedureModel::repositoryOnly).map(ProcedureModel::processKey)
                .collect(Collectors.toUnmodifiableSet());
        this.repository = repository;
        this.validation = validation;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** A draft of a deployed process or decision definition: its XML, and for a process the forms deployed with it. */
    @Transactional
    public ModelDraft startFrom(String definitionId) {
        if (definitionId == null || definitionId.isBlank()) {
            throw BusinessRuleException.violation(null, "definitionId", "draft.definition-required");
        }
        ResourceDefinition definition = definition(definitionId).orElseThrow(
                () -> BusinessRuleException.notFound("definitionId", "draft.definition-not-found", definitionId));
        boolean process = definition instanceof ProcessDefinition;
        if (process && repositoryOnly.contains(definition.getKey())) {
            throw BusinessRuleException.conflict(null, "definitionId", "draft.repository-only", definition.getKey());
        }
        byte[] content = read(process ? repository.getProcessModel(definitionId) : repository.getDecisionModel(definitionId));
        return create(process ? Kind.BPMN : Kind.DMN, definition.getResourceName(), definition, content,
                "从已部署的版本创建草稿 " + definition.getResourceName());
    }

    /**
     * A draft of a deployed decision definition with {@code content} prepared from it (the rows of a
     * new policy version, see {@code processowner.policies}), checked like any saved content.
     */
    @Transactional
    public ModelDraft startWith(String definitionId, byte[] content, String detail) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionId(definitionId)
                .singleResult();
        if (definition == null) {
            throw BusinessRuleException.notFound("definitionId", "draft.definition-not-found", definitionId);
        }
        String text = modelText("content", definition.getResourceName(), content);
        return create(Kind.DMN, definition.getResourceName(), definition, text.getBytes(StandardCharsets.UTF_8), detail);
    }

    /**
     * A draft of an uploaded {@code .bpmn} or {@code .dmn} file (e.g. drawn in Camunda Modeler),
     * refused unless it is a model. Its base is the latest deployed definition of its first process
     * (or decision) id, whose deployment's forms it gets, if that id is deployed.
     */
    @Transactional
    public ModelDraft importFile(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        if (!RESOURCE_NAME.matcher(name).matches()) {
            throw BusinessRuleException.violation(null, "file", "draft.file-name", name);
        }
        String text = modelText("file", name, content);
        Kind kind = ModelValidation.isBpmn(name) ? Kind.BPMN : Kind.DMN;
        ResourceDefinition base = DraftForms.firstKey(text, kind).flatMap(key -> latest(key, kind)).orElse(null);
        return create(kind, name, base, text.getBytes(StandardCharsets.UTF_8), "导入文件 " + name + " 为草稿");
    }

    @Transactional(readOnly = true)
    public ModelDraft get(long id) {
        return store.find(id).orElseThrow(() -> BusinessRuleException.notFound("id", "draft.not-found", id));
    }

    /** The drafts being edited, newest change first, without their content. */
    @Transactional(readOnly = true)
    public List<ModelDraft> editing() {
        return store.editing();
    }

    /**
     * Saves {@code content} over version {@code expectedVersion}.
     *
     * @throws BusinessRuleException 409 when another save came first or the draft is no longer being edited,
     *                               422 when the content is no model; nothing is stored then
     */
    @Transactional
    public ModelDraft save(long id, int expectedVersion, byte[] content) {
        ModelDraft draft = get(id);
        requireEditing(draft);
        String text = modelText("content", draft.resourceName(), content);
        if (draft.lockVersion() != expectedVersion
                || !store.save(id, expectedVersion, text, checksum(text), actor(), clock.instant())) {
            ModelDraft newer = get(id);
            throw BusinessRuleException.conflict(null, "If-Match", "draft.stale", expectedVersion, newer.lockVersion(),
                    newer.updatedBy());
        }
        events.publishEvent(new AuditedAction("model-draft.save", SUBJECT, String.valueOf(id),
                "保存草稿 " + draft.resourceName() + "（第 " + (expectedVersion + 1) + " 版）"));
        return get(id);
    }

    @Transactional
    public ModelDraft discard(long id) {
        ModelDraft draft = get(id);
        requireEditing(draft);
        if (!store.changeState(id, State.EDITING, State.DISCARDED, actor(), clock.instant())) {
            throw BusinessRuleException.conflict(null, "id", "draft.not-editing", id, EnumLabels.argument(get(id).state()));
        }
        events.publishEvent(new AuditedAction("model-draft.discard", SUBJECT, String.valueOf(id),
                "放弃草稿 " + draft.resourceName()));
        return get(id);
    }

    /**
     * Moves a draft along its publication (EDITING → SUBMITTED → PUBLISHED, or back to EDITING when a
     * publication is rejected); {@code by} is who made the move.
     *
     * @throws BusinessRuleException 409 when the draft is not in {@code from} (any more)
     */
    @Transactional
    public void move(long id, State from, State to, String by) {
        if (!store.changeState(id, from, to, by, clock.instant())) {
            throw BusinessRuleException.conflict(null, "id", "draft.not-in-state", id, EnumLabels.argument(from), EnumLabels.argument(get(id).state()));
        }
    }

    /** The forms deployed with a BPMN draft, by resource name ({@code model_draft_form}). */
    @Transactional(readOnly = true)
    public Map<String, String> forms(long id) {
        return store.forms(id);
    }

    /** Every reason the draft would not deploy or would make policy ambiguous, each with its element; empty when none. */
    @Transactional(readOnly = true)
    public List<DraftProblem> validate(long id) {
        ModelDraft draft = get(id);
        byte[] content = draft.content().getBytes(StandardCharsets.UTF_8);
        List<ModelProblem> model = validation.check(draft.resourceName(), content);
        List<DraftProblem> problems = new ArrayList<>(model.stream().map(DraftProblem::of).toList());
        if (model.stream().anyMatch(problem -> ModelValidation.UNREADABLE.equals(problem.ruleId()))) {
            return problems;
        }
        if (draft.kind() == Kind.DMN) {
            DecisionPolicyChecks.check(content).forEach(problem -> problems.add(DraftProblem.of(problem)));
        } else {
            problems.addAll(DraftForms.missing(draft.content(), store.forms(id).keySet()));
        }
        return problems;
    }

    private ModelDraft create(Kind kind, String resourceName, ResourceDefinition base, byte[] content, String detail) {
        String text = new String(content, StandardCharsets.UTF_8);
        Map<String, String> baseForms = kind == Kind.BPMN && base != null ? formsOf(base.getDeploymentId()) : Map.of();
        long id = store.insert(kind, resourceName, base == null ? null : base.getId(), text, checksum(text), actor(),
                clock.instant(), baseForms);
        events.publishEvent(new AuditedAction("model-draft.create", SUBJECT, String.valueOf(id), detail
                + (base == null ? "" : "（起点 " + base.getId() + "）")));
        return get(id);
    }

    /** The content as text, refused unless it is a model of its name's kind, UTF-8, and at most 2 MB. */
    private static String modelText(String field, String resourceName, byte[] content) {
        if (content == null || content.length == 0) {
            throw BusinessRuleException.violation(null, field, "draft.content-empty");
        }
        if (content.length > MAX_CONTENT_BYTES) {
            throw BusinessRuleException.violation(null, field, "draft.content-too-large", MAX_CONTENT_BYTES / 1024 / 1024);
        }
        Optional<ModelProblem> unreadable = ModelValidation.unreadable(resourceName, content);
        if (unreadable.isPresent()) {
            throw BusinessRuleException.violation(null, field, "draft.content-unreadable", unreadable.get().zh());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw BusinessRuleException.violation(null, field, "draft.content-not-utf8");
        }
    }

    private static void requireEditing(ModelDraft draft) {
        if (draft.state() != State.EDITING) {
            throw BusinessRuleException.conflict(null, "id", "draft.not-editing", draft.id(), EnumLabels.argument(draft.state()));
        }
    }

    private Optional<ResourceDefinition> definition(String id) {
        ProcessDefinition process = repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
        if (process != null) {
            return Optional.of(process);
        }
        return Optional.ofNullable(repository.createDecisionDefinitionQuery().decisionDefinitionId(id).singleResult());
    }

    private Optional<ResourceDefinition> latest(String key, Kind kind) {
        if (kind == Kind.BPMN) {
            return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId()
                    .latestVersion().singleResult());
        }
        DecisionDefinition decision = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).withoutTenantId()
                .latestVersion().singleResult();
        return Optional.ofNullable(decision);
    }

    /** The forms deployed in a deployment, by resource name. */
    private Map<String, String> formsOf(String deploymentId) {
        Map<String, String> found = new TreeMap<>();
        for (String name : repository.getDeploymentResourceNames(deploymentId)) {
            if (name.endsWith(".form")) {
                found.put(name, new String(read(repository.getResourceAsStream(deploymentId, name)), StandardCharsets.UTF_8));
            }
        }
        return found;
    }

    private String actor() {
        return accounts.require().username();
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of {@code content} (UTF-8), hex: what a draft's checksum is. */
    public static String checksum(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
