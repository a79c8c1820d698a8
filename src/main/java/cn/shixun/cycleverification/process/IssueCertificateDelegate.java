package cn.shixun.cycleverification.process;

import cn.shixun.cycleverification.CertificateIssuing;
import cn.shixun.cycleverification.CycleVerification;
import cn.shixun.cycleverification.CycleVerifications;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseApprovals;
import cn.shixun.tasks.CaseKey;
import cn.shixun.tasks.CaseStep;
import cn.shixun.tasks.ReviewRouting;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_IssueCertificate}: issues the certificate; a refusal becomes {@code Error_CertificateRefused}; first our records must allow it. */
@Component("issueCertificateDelegate")
class IssueCertificateDelegate implements JavaDelegate {

    static final String CERTIFICATE_REFUSED = "CERTIFICATE_REFUSED";

    private final CycleVerifications verifications;
    private final CertificateIssuing issuing;
    private final CaseApprovals approvals;
    private final ReviewRouting routing;

    IssueCertificateDelegate(CycleVerifications verifications, CertificateIssuing issuing, CaseApprovals approvals,
                             ReviewRouting routing) {
        this.verifications = verifications;
        this.issuing = issuing;
        this.approvals = approvals;
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CycleVerification verification = verifications.require(CaseKey.of(execution));
        approvals.require(required(verification, execution));
        try {
            issuing.issueCertificate(verification.getId());
        } catch (BusinessRuleException refusal) {
            throw new BpmnError(CERTIFICATE_REFUSED, refusal.getMessage());
        }
    }

    /**
     * as routed now from the organisation data: a county school's case rechecked by its county
     * (whatever the {@code countyRecheck} variable says), then confirmed by the city and filed by the
     * province, all since the school last declared or amended it.
     */
    private CaseStep required(CycleVerification verification, DelegateExecution execution) {
        Long school = verification.schoolId();
        CaseStep step = CaseStep.of(CycleVerificationProcess.PROCESS_ID, String.valueOf(verification.getId()), "核准发证")
                .runBy(verification.processInstanceId(), execution)
                .inStatus(verification.status().isOpen(), verification.status().label());
        if (routing.countyReviews(school)) {
            step.approved(CycleVerificationProcess.COUNTY_RECHECK, "县级复查", routing.countyReview(school),
                    CaseStep.START, CycleVerificationProcess.SCHOOL_AMEND);
        }
        return step.approved(CycleVerificationProcess.CITY_CONFIRMATION, "市级确认", routing.cityReview(school),
                        CaseStep.START, CycleVerificationProcess.SCHOOL_AMEND)
                .approved(CycleVerificationProcess.PROVINCE_FILING, "省级备案", routing.provinceReview(school),
                        CaseStep.START, CycleVerificationProcess.SCHOOL_AMEND);
    }
}
