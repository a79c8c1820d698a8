package cn.shixun.exemption.process;

import cn.shixun.exemption.DegreeExemption;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseApprovals;
import cn.shixun.tasks.CaseKey;
import cn.shixun.tasks.CaseStep;
import cn.shixun.tasks.ReviewRouting;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_CreditHours}: registers the exemption in the ledger; a refusal becomes {@code Error_CreditRefused}.
 * First our records must allow it: the application approved by its school and then by its
 * registration authority since it was last submitted; otherwise nothing is credited and the job fails.
 */
@Component("creditHoursDelegate")
class CreditHoursDelegate implements JavaDelegate {

    static final String CREDIT_REFUSED = "CREDIT_REFUSED";

    private final DegreeExemptions exemptions;
    private final CaseApprovals approvals;
    private final ReviewRouting routing;

    CreditHoursDelegate(DegreeExemptions exemptions, CaseApprovals approvals, ReviewRouting routing) {
        this.exemptions = exemptions;
        this.approvals = approvals;
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DegreeExemption exemption = exemptions.require(CaseKey.of(execution));
        approvals.require(CaseStep.of(DegreeExemptionProcess.PROCESS_ID, String.valueOf(exemption.getId()), "登记免修学时")
                .runBy(exemption.processInstanceId(), execution)
                .inStatus(exemption.status().isOpen(), exemption.status().label())
                .approved(DegreeExemptionProcess.SCHOOL_REVIEW, "学校审核", routing.schoolReview(exemption.schoolId()),
                        CaseStep.START, DegreeExemptionProcess.AMEND)
                .approved(DegreeExemptionProcess.AUTHORITY_REVIEW, "登记机构审核",
                        routing.authorityReview(exemption.schoolId()), CaseStep.START, DegreeExemptionProcess.AMEND));
        try {
            exemptions.credit(exemption.getId());
        } catch (BusinessRuleException refusal) {
            throw new BpmnError(CREDIT_REFUSED, refusal.getMessage());
        }
    }
}
