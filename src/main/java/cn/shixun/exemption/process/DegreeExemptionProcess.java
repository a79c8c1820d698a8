package cn.shixun.exemption.process;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The thin layer between the exemption module and the engine: starts {@code degreeExemption}
 * (business key = application id). Its user tasks are worked through the casework
 * ({@code cn.shixun.tasks.CaseTasks}). No rule lives here.
 */
@Component
public class DegreeExemptionProcess {

    public static final String PROCESS_ID = "degreeExemption";
    public static final String SCHOOL_REVIEW = "UserTask_SchoolReview";
    public static final String AUTHORITY_REVIEW = "UserTask_AuthorityReview";
    public static final String AMEND = "UserTask_Amend";
    public static final String CREDIT_HOURS = "ServiceTask_CreditHours";

    private final RuntimeService runtime;

    DegreeExemptionProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts the process for an application; returns the process instance id. */
    public String start(Long exemptionId) {
        return runtime.startProcessInstanceByKey(PROCESS_ID, String.valueOf(exemptionId),
                DegreeExemptionVariables.atStart(exemptionId)).getId();
    }
}
