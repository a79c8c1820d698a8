package cn.shixun.annual.process;

import cn.shixun.annual.AnnualRegistration;
import cn.shixun.annual.AnnualRegistrations;
import cn.shixun.tasks.CaseApprovals;
import cn.shixun.tasks.CaseKey;
import cn.shixun.tasks.CaseStep;
import cn.shixun.tasks.ReviewRouting;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What our records must show before the year is registered or published: the card being registered,
 * approved by its school and then its registration authority since it was last submitted — and a
 * late card (补报), its late filing accepted by the registration authority before them in the same round.
 */
@Component
class AnnualCaseSteps {

    private final AnnualRegistrations registrations;
    private final CaseApprovals approvals;
    private final ReviewRouting routing;

    AnnualCaseSteps(AnnualRegistrations registrations, CaseApprovals approvals, ReviewRouting routing) {
        this.registrations = registrations;
        this.approvals = approvals;
        this.routing = routing;
    }

    /** The registration the instance runs, once the records allow {@code step}; {@code registered}: its year must be registered already. */
    AnnualRegistration require(DelegateExecution execution, String step, boolean registered) {
        AnnualRegistration registration = registrations.require(CaseKey.of(execution));
        // Open is all the record says: which step the case is at is the engine's, and what the
        // step needs is the approvals below, from our history.
        boolean statusAllows = registration.status().isOpen() && (!registered || registration.resultMet() != null);
        CaseStep required = CaseStep.of(AnnualRegistrationProcess.PROCESS_ID, String.valueOf(registration.getId()), step)
                .runBy(registration.processInstanceId(), execution)
                .inStatus(statusAllows, registration.status().label() + (statusAllows || !registered ? "" : "，尚未登记"));
        if (registration.late()) {
            required.approved(AnnualRegistrationProcess.LATE_REVIEW, "补报审核", routing.authorityReview(registration.schoolId()),
                    CaseStep.START, AnnualRegistrationProcess.AMEND_CARD);
        }
        approvals.require(required.approved(AnnualRegistrationProcess.SCHOOL_REVIEW, "学校审核", routing.schoolReview(registration.schoolId()),
                        CaseStep.START, AnnualRegistrationProcess.AMEND_CARD)
                .approved(AnnualRegistrationProcess.AUTHORITY_REVIEW, "登记机构审核",
                        routing.authorityReview(registration.schoolId()),
                        CaseStep.START, AnnualRegistrationProcess.AMEND_CARD));
        return registration;
    }
}
