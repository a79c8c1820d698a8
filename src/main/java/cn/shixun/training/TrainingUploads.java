package cn.shixun.training;

import cn.shixun.evidence.EvidenceUploads;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The steps of an external training that bring their file in the same request, as the pages send
 * them — the application with the notice or plan, the completion with the certificate: the upload
 * is stored as the teacher's evidence file in the transaction of the same {@link ExternalTrainings}
 * step the JSON API calls, so a refusal — of the file or of the step — keeps neither. Without an
 * upload the step names one of the teacher's earlier files, which {@link ExternalTrainings}
 * refuses unless it is theirs.
 */
@Service
public class TrainingUploads {

    private static final String PLAN_FIELD = "planFile";
    private static final String CERTIFICATE_FIELD = "certificateFile";

    private final ExternalTrainings trainings;
    private final EvidenceUploads uploads;

    TrainingUploads(ExternalTrainings trainings, EvidenceUploads uploads) {
        this.trainings = trainings;
        this.uploads = uploads;
    }

    /** The teacher of {@code account} applies with {@code scan}, or the earlier file {@code plan} names. */
    @Transactional
    public ExternalTraining apply(CurrentAccount account, TrainingPlan plan, MultipartFile scan) {
        String file = file(account, account.teacherId(), scan, plan.planFile(), PLAN_FIELD);
        return trainings.apply(account, null, withPlanFile(plan, file));
    }

    /** {@code account} amends returned application {@code id} with {@code scan}, or the earlier file named. */
    @Transactional
    public ExternalTraining amendApplication(Long id, CurrentAccount account, TrainingPlan plan, MultipartFile scan) {
        String file = file(account, trainings.require(id).teacherId(), scan, plan.planFile(), PLAN_FIELD);
        return trainings.amendApplication(id, account, withPlanFile(plan, file));
    }

    /** {@code account} submits (or amends) training {@code id}'s completion with the certificate's {@code scan}. */
    @Transactional
    public ExternalTraining submitCompletion(Long id, CurrentAccount account, CompletionEvidence evidence,
                                             MultipartFile scan) {
        String file = file(account, trainings.require(id).teacherId(), scan, evidence.certificateFile(),
                CERTIFICATE_FIELD);
        return trainings.submitCompletion(id, account, new CompletionEvidence(evidence.certificateNumber(),
                evidence.certificateKind(), evidence.statedHours(), evidence.statedDays(), file));
    }

    private String file(CurrentAccount account, Long teacherId, MultipartFile scan, String existing, String field) {
        String file = uploads.teacherFile(account, teacherId, scan, existing, field);
        if (file == null) {
            throw BusinessRuleException.violation("R-31", field, "training.page.file-required");
        }
        return file;
    }

    private static TrainingPlan withPlanFile(TrainingPlan plan, String file) {
        return new TrainingPlan(plan.providerId(), plan.projectName(), plan.startDate(), plan.endDate(), plan.place(),
                plan.plannedContent(), file);
    }
}
