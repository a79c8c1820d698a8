package cn.shixun.annual.process;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The thin layer between the annual module and the engine: starts {@code annualRegistration}
 * for one teacher's registration (business key = registration id). Decisions and amendments go
 * through the casework ({@code cn.shixun.tasks}).
 */
@Component
public class AnnualRegistrationProcess {

    public static final String PROCESS_ID = "annualRegistration";
    public static final String LATE_REVIEW = "UserTask_LateReview";
    public static final String SCHOOL_REVIEW = "UserTask_SchoolReview";
    public static final String AUTHORITY_REVIEW = "UserTask_AuthorityReview";
    public static final String AMEND_CARD = "UserTask_AmendCard";
    public static final String REGISTER_YEAR = "ServiceTask_RegisterYear";
    public static final String PUBLISH_RESULT = "ServiceTask_PublishResult";

    private final RuntimeService runtime;

    AnnualRegistrationProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts the process at the school's review; returns the process instance id. */
    public String start(Long registrationId) {
        return runtime.startProcessInstanceByKey(PROCESS_ID, String.valueOf(registrationId),
                AnnualRegistrationVariables.atStart(registrationId)).getId();
    }
}
