package cn.shixun.training;

import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.ledger.SourceType;
import cn.shixun.organisation.ProviderEligibility;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.CreditResult;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseCredits;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.training.process.ExternalTrainingProcess;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of an approved application: the provider checked once more, then the hours
 * registered through the teacher's profile, or the refusal recorded and the
 * application closed. Also what the profile would credit for a certificate, before it is submitted.
 */
@Service
@Transactional(readOnly = true)
public class TrainingCredits {

    private static final Logger log = LoggerFactory.getLogger(TrainingCredits.class);
    private static final String PROCESS = ExternalTrainingProcess.PROCESS_ID;

    private final ExternalTrainingRepository repository;
    private final TrainingChecks checks;
    private final TrainingJournal journal;
    private final MessageSource messages;
    private final CaseCredits credits;
    private final Ledger ledger;

    TrainingCredits(ExternalTrainingRepository repository, TrainingChecks checks, TrainingJournal journal,
                    MessageSource messages, CaseCredits credits, Ledger ledger) {
        this.repository = repository;
        this.checks = checks;
        this.journal = journal;
        this.messages = messages;
        this.credits = credits;
        this.ledger = ledger;
    }

    /**
     * R-06 again before crediting: the provider must still be qualified for the teacher's stage.
     * A refusal is recorded and thrown (the delegate makes it {@code Error_ProviderNotQualified}).
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public void checkProvider(Long id) {
        ExternalTraining training = repository.require(id);
        ProviderEligibility.Verdict verdict = checks.providerVerdict(training);
        if (!verdict.eligible()) {
            String reason = messages.getMessage(verdict.reasonKey(), verdict.reasonArgs().toArray(), verdict.reasonKey(),
                    Locale.SIMPLIFIED_CHINESE) + "（R-06）";
            journal.record(training, null, "复核培训机构资质", CaseOutcome.REFUSED, reason, CaseHistory.SYSTEM);
            training.closed(TrainingStatus.PROVIDER_NOT_QUALIFIED, reason, Instant.now());
            log.warn("External training {} approved but its provider is no longer qualified: {}", id, reason);
            throw BusinessRuleException.violation("R-06", "providerId", verdict.reasonKey(),
                    verdict.reasonArgs().toArray());
        }
    }

    /**
     * Registers the hours: the policy calculator of the teacher's profile decides
     * from the certificate. Credited once, or the refusal recorded and the application closed
     * ({@link CaseCredits}).
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public LedgerEntry credit(Long id) {
        ExternalTraining training = repository.require(id);
        return credits.creditCase(credits.step(PROCESS, TrainingJournal.caseId(training), null, "登记培训学时"),
                new CaseCredits.Credit(training.teacherId(), claim(training), evidence(PROCESS + "/" + id, training)),
                entry -> training.registered(entry.getId(), Instant.now()),
                reason -> training.closed(TrainingStatus.CREDIT_REFUSED, reason, Instant.now()));
    }

    /**
     * What the teacher's profile would credit for this certificate now, as the
     * crediting step will ask the ledger, from the typed figures; writes nothing. Refused like
     * the ledger refuses (e.g. a certificate kind the profile does not recognise).
     */
    public CreditResult preview(Long id, CertificateKind kind, BigDecimal statedHours, Integer statedDays) {
        ExternalTraining training = repository.require(id);
        return ledger.preview(training.teacherId(), claim(training.plan(), kind, statedHours, statedDays));
    }

    private Claim claim(ExternalTraining training) {
        CompletionEvidence evidence = training.evidence();
        return claim(training.plan(), evidence.certificateKind(), evidence.statedHours(), evidence.statedDays());
    }

    private Claim claim(TrainingPlan plan, CertificateKind kind, BigDecimal statedHours, Integer statedDays) {
        Claim.Builder claim = Claim.of(ClaimKind.PROFESSIONAL_CERTIFICATE, plan.endDate()).from(plan.startDate())
                .certificate(kind == null ? null : kind.name())
                .title("非教育行政部门组织的培训：" + journal.providerName(plan.providerId()) + "「" + plan.projectName() + "」");
        if (statedHours != null) {
            claim.hours(statedHours.toPlainString());
        } else if (statedDays != null) {
            claim.days(statedDays);
        }
        return claim.build();
    }

    private static Evidence evidence(String sourceRef, ExternalTraining training) {
        return new Evidence(SourceType.APPLICATION, sourceRef, training.evidence().certificateNumber(),
                List.of(training.evidence().certificateFile(), training.plan().planFile()));
    }
}
