package cn.shixun.cycleverification.process;

import cn.shixun.cycleverification.CycleVerifications;
import cn.shixun.shared.BusinessRuleException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_IssueCertificate}: issues the certificate; a refusal becomes {@code Error_CertificateRefused}. */
@Component("issueCertificateDelegate")
class IssueCertificateDelegate implements JavaDelegate {

    static final String CERTIFICATE_REFUSED = "CERTIFICATE_REFUSED";

    private final CycleVerifications verifications;

    IssueCertificateDelegate(CycleVerifications verifications) {
        this.verifications = verifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            verifications.issueCertificate(CycleVerificationVariables.verificationId(execution));
        } catch (BusinessRuleException refusal) {
            throw new BpmnError(CERTIFICATE_REFUSED, refusal.getMessage());
        }
    }
}
