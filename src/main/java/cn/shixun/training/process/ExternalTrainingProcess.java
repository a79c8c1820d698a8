package cn.shixun.training.process;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The thin layer between the training module and the engine: starts
 * {@code externalTrainingApproval} (business key = application id). The tasks are worked
 * through the casework ({@code cn.shixun.tasks.CaseTasks}).
 */
@Component
public class ExternalTrainingProcess {

    public static final String PROCESS_ID = "externalTrainingApproval";
    public static final String SCHOOL_CONSENT = "UserTask_SchoolConsent";
    public static final String AMEND_APPLICATION = "UserTask_AmendApplication";
    public static final String SUBMIT_COMPLETION = "UserTask_SubmitCompletion";
    public static final String SCHOOL_COMPLETION_REVIEW = "UserTask_SchoolCompletionReview";
    public static final String AMEND_COMPLETION = "UserTask_AmendCompletion";
    public static final String AUTHORITY_REVIEW = "UserTask_AuthorityReview";

    private final RuntimeService runtime;

    ExternalTrainingProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts the process for an application; returns the process instance id. */
    public String start(Long trainingId) {
        return runtime.startProcessInstanceByKey(PROCESS_ID, String.valueOf(trainingId),
                ExternalTrainingVariables.atStart(trainingId)).getId();
    }
}
