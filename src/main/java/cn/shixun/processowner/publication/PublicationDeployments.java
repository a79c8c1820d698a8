package cn.shixun.processowner.publication;

import cn.shixun.policy.PolicyProfile;
import cn.shixun.policy.PolicyVersions;
import cn.shixun.processowner.drafts.ModelDraft;
import cn.shixun.processowner.drafts.ModelDrafts;
import cn.shixun.processowner.policies.PolicyVersionDrafts;
import cn.shixun.shared.AuditedAction;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_Publish}'s work: deploys what a publication approved. Decided from our own
 * record, never from the case's variables (the engine executes, it never decides): without an
 * approval recorded by another owner than the submitter, or with drafts changed since submission,
 * it refuses, the job fails into an incident, and nothing is deployed.
 */
@Component
class PublicationDeployments {

    static final String DEPLOYMENT_SOURCE = "process-owner console";

    private final PublicationStore store;
    private final PolicyVersionDrafts policyDrafts;
    private final ModelDrafts modelDrafts;
    private final PolicyVersions versions;
    private final PublicationRules rules;
    private final RepositoryService repository;
    private final ApplicationEventPublisher events;

    PublicationDeployments(PublicationStore store, PolicyVersionDrafts policyDrafts, ModelDrafts modelDrafts,
                           PolicyVersions versions, PublicationRules rules, RepositoryService repository,
                           ApplicationEventPublisher events) {
        this.store = store;
        this.policyDrafts = policyDrafts;
        this.modelDrafts = modelDrafts;
        this.versions = versions;
        this.rules = rules;
        this.repository = repository;
        this.events = events;
    }

    /** Deploys publication {@code id}, or refuses (an incident) when our record holds no approval by a second owner. */
    void publish(long id) {
        PolicyPublications.Publication publication = store.get(id);
        if (!"APPROVED".equals(publication.state()) || publication.decidedBy() == null
                || publication.decidedBy().equals(publication.submittedBy())) {
            throw new IllegalStateException("发布 " + id + " 没有另一位流程管理员的批准记录（状态 " + publication.state()
                    + "，提交人 " + publication.submittedBy() + "，决定人 " + publication.decidedBy() + "）：不部署。"
                    + " Publication " + id + " has no approval by a second process owner in our record: nothing deployed");
        }
        if (publication.deploymentId() != null) {
            return; // deployed already: a retried job after the commit was lost
        }
        if (!rules.submittedChecksum(publication).equals(store.checksum(id))) {
            throw new IllegalStateException("发布 " + id + " 的草稿在提交后被改动：不部署。"
                    + " The drafts of publication " + id + " changed since submission: nothing deployed");
        }
        String deploymentId = publication.kind() == PolicyPublications.Kind.BPMN ? deployModel(publication)
                : deployPolicy(publication);
        store.deployed(id, deploymentId);
    }

    private String deployPolicy(PolicyPublications.Publication publication) {
        PolicyVersionDrafts.PolicyDraft draft = policyDrafts.get(publication.policyVersionId());
        PolicyProfile version = draft.version();
        rules.refuseOverCreditedEntries(version);
        DeploymentBuilder deployment = repository.createDeployment()
                .name("policy " + version.label() + " publication " + publication.id()).source(DEPLOYMENT_SOURCE);
        draft.tableDrafts().values().forEach(table -> {
            ModelDraft tableDraft = modelDrafts.get(table);
            deployment.addString(tableDraft.resourceName(), tableDraft.content());
        });
        // From the result, not a query: inside the case's job the new definitions are not flushed yet.
        DeploymentWithDefinitions deployed = deployment.deployWithResult();
        String deploymentId = deployed.getId();
        versions.publishSubmitted(publication.policyVersionId(), deployed.getDeployedDecisionDefinitions());
        draft.tableDrafts().values().forEach(table -> modelDrafts.move(table, ModelDraft.State.SUBMITTED,
                ModelDraft.State.PUBLISHED, publication.decidedBy()));
        events.publishEvent(new AuditedAction("policy-publication.deploy", "policy-version",
                String.valueOf(publication.policyVersionId()), "发布 " + version.label() + "（" + version.title()
                        + "，提交人 " + publication.submittedBy() + "，批准人 " + publication.decidedBy() + "），部署 "
                        + deploymentId + "，自 " + version.effectiveFrom() + " 起施行", null, publication.decidedBy()));
        return deploymentId;
    }

    /** The model with its forms in one deployment, named {@code <resource>-<publicationId>}: new cases start on it. */
    private String deployModel(PolicyPublications.Publication publication) {
        ModelDraft draft = modelDrafts.get(publication.modelDraftId());
        DeploymentBuilder deployment = repository.createDeployment().name(draft.resourceName() + "-" + publication.id())
                .source(DEPLOYMENT_SOURCE).addString(draft.resourceName(), draft.content());
        modelDrafts.forms(draft.id()).forEach(deployment::addString);
        String deploymentId = deployment.deploy().getId();
        modelDrafts.move(draft.id(), ModelDraft.State.SUBMITTED, ModelDraft.State.PUBLISHED, publication.decidedBy());
        events.publishEvent(new AuditedAction("policy-publication.deploy", "model-draft", String.valueOf(draft.id()),
                "发布 " + draft.resourceName() + "（" + publication.noticeTitle() + "，提交人 " + publication.submittedBy()
                        + "，批准人 " + publication.decidedBy() + "），部署 " + deploymentId + "，自 "
                        + publication.effectiveFrom() + " 起新案件按此版本办理", null, publication.decidedBy()));
        return deploymentId;
    }
}
