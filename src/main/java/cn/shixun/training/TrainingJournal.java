package cn.shixun.training;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.organisation.TrainingProvider;
import cn.shixun.organisation.TrainingProviders;
import cn.shixun.shared.AuditedAction;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.training.process.ExternalTrainingProcess;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What an application leaves in the case history and the audit trail, and how those lines
 * describe its plan, its certificate and its provider.
 */
@Component
class TrainingJournal {

    static final String PROCESS = ExternalTrainingProcess.PROCESS_ID;

    private final CaseHistory history;
    private final ApplicationEventPublisher events;
    private final TrainingProviders providers;
    private final EvidenceFiles evidenceFiles;

    TrainingJournal(CaseHistory history, ApplicationEventPublisher events, TrainingProviders providers,
                    EvidenceFiles evidenceFiles) {
        this.history = history;
        this.events = events;
        this.providers = providers;
        this.evidenceFiles = evidenceFiles;
    }

    void record(ExternalTraining training, String taskKey, String step, CaseOutcome outcome, String comment,
                String actor) {
        history.record(PROCESS, caseId(training), taskKey, step, outcome, comment, actor);
    }

    void audit(String action, ExternalTraining training, String detail) {
        events.publishEvent(new AuditedAction(action, PROCESS, caseId(training), detail));
    }

    List<CaseEvent> of(Long id) {
        return history.of(PROCESS, String.valueOf(id));
    }

    String providerName(Long providerId) {
        return providers.find(providerId).map(TrainingProvider::name).orElse(String.valueOf(providerId));
    }

    String summary(TrainingPlan plan) {
        return providerName(plan.providerId()) + "「" + plan.projectName() + "」，" + plan.startDate() + "至"
                + plan.endDate() + "，" + plan.place() + "，方案" + fileLabel(plan.planFile());
    }

    String summary(CompletionEvidence evidence) {
        String amount = evidence.statedHours() != null
                ? evidence.statedHours().stripTrailingZeros().toPlainString() + "学时" : evidence.statedDays() + "天";
        return evidence.certificateKind().label() + "，证书编号" + evidence.certificateNumber() + "，" + amount + "，扫描件"
                + fileLabel(evidence.certificateFile());
    }

    /**
     * A stored evidence file as a person reads it in the history: its name and the start of its id,
     * enough to tell which of the teacher's files it was; any other reference as it is.
     */
    private String fileLabel(String reference) {
        return evidenceFiles.describe(reference).map(file -> "“" + file.name() + "”（" + file.id().substring(0, 8) + "）")
                .orElse(reference);
    }

    static String caseId(ExternalTraining training) {
        return String.valueOf(training.getId());
    }
}
