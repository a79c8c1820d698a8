package cn.shixun.cycleverification;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The verification's last step: the certificate issued, or the refusal recorded. */
@Service
@Transactional(readOnly = true)
public class CertificateIssuing {

    private static final Logger log = LoggerFactory.getLogger(CertificateIssuing.class);

    private final CycleVerifications records;
    private final Certificates certificates;
    private final CycleResults cycles;
    private final Teachers teachers;
    private final CaseHistory history;
    private final RefusalText refusals;

    CertificateIssuing(CycleVerifications records, Certificates certificates, CycleResults cycles, Teachers teachers,
                       CaseHistory history, RefusalText refusals) {
        this.records = records;
        this.certificates = certificates;
        this.cycles = cycles;
        this.teachers = teachers;
        this.history = history;
        this.refusals = refusals;
    }

    /**
     * The last step: the hours are read once more and the teacher must still be
     * registrable; then the certificate is issued. A refusal is recorded and closes
     * the case; it is rethrown for the delegate to turn into the model's error.
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public Certificate issueCertificate(Long id) {
        CycleVerification verification = records.require(id);
        Instant now = Instant.now();
        Optional<Certificate> earlier = certificates.ofVerification(id);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Teacher teacher = teachers.require(verification.teacherId());
        CycleResult result = cycles.resultOf(verification.teacherId(), verification.cycleEnd());
        BusinessRuleException refusal = null;
        if (!teacher.isRegistrable()) {
            refusal = BusinessRuleException.violation("R-01", "teacherId", "cycleverification.not-registrable",
                    teacher.name());
        } else if (!result.met()) {
            refusal = BusinessRuleException.violation("R-07", "teacherId", "cycleverification.hours-short",
                    teacher.name(), result.missingText());
        }
        if (refusal != null) {
            String reason = refusals.forRecord(refusal);
            history.record(CycleVerifications.PROCESS, String.valueOf(id), "ServiceTask_IssueCertificate", "发放登记证书",
                    CaseOutcome.REFUSED, reason, CaseHistory.SYSTEM);
            verification.closed(VerificationStatus.CERTIFICATE_REFUSED, reason, now);
            log.warn("Cycle verification {} filed but no certificate issued: {}", id, reason);
            throw refusal;
        }
        verification.checked(result, now);
        Certificate certificate = certificates.issue(verification);
        verification.certified(now);
        history.record(CycleVerifications.PROCESS, String.valueOf(id), "ServiceTask_IssueCertificate", "发放登记证书",
                CaseOutcome.COMPLETED, "证书编号 " + certificate.number() + "，发证日期 " + certificate.issuedOn()
                        + "，有效期至 " + certificate.validUntil(), CaseHistory.SYSTEM);
        log.info("Cycle verification {}: certificate {} issued to teacher {}", id, certificate.number(),
                verification.teacherId());
        return certificate;
    }
}
