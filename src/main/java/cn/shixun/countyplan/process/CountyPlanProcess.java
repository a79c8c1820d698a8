package cn.shixun.countyplan.process;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The thin layer between the county plan module and the engine: starts {@code countyPlanFiling}
 * with the plan id as business key (and as the variable the forms link with); the models compute
 * their candidate groups from the plan ({@code ${caseRouting…}}). No rule lives here.
 */
@Component
public class CountyPlanProcess {

    public static final String PROCESS_ID = "countyPlanFiling";
    public static final String CITY_REVIEW = "UserTask_CityReview";
    public static final String AMEND_PLAN = "UserTask_AmendPlan";
    public static final String HR_FILING = "UserTask_HrFiling";
    public static final String FILE_PLAN = "ServiceTask_FilePlan";
    public static final String SUBMIT_SUMMARY = "UserTask_SubmitSummary";
    public static final String AUDIT_SUMMARY = "UserTask_AuditSummary";
    public static final String REGISTER_HOURS = "ServiceTask_RegisterHours";

    private final RuntimeService runtime;

    CountyPlanProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts the process for a filed plan; returns the process instance id. */
    public String start(Long planId) {
        return runtime.startProcessInstanceByKey(PROCESS_ID, String.valueOf(planId),
                CountyPlanVariables.atStart(planId)).getId();
    }
}
