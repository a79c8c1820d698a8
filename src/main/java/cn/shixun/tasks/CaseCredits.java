package cn.shixun.tasks;

import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.policy.Claim;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Credit once or record the refusal": the ledger step of every procedure that credits hours.
 * The ledger registers in a transaction of its own ({@link Ledger#registerOnce}), so that a
 * refusal leaves the procedure's transaction free to record it in the case history, in
 * Chinese, by {@link CaseHistory#SYSTEM}; a retry (a job run again, a second node) gets the entry
 * its first successful attempt wrote instead of a second one. The procedure supplies what is its
 * own: what to register, and how its record takes the entry or the refusal.
 */
@Service
public class CaseCredits {

    private static final Logger log = LoggerFactory.getLogger(CaseCredits.class);

    private final Ledger ledger;
    private final CaseHistory history;
    private final RefusalText refusals;

    CaseCredits(Ledger ledger, CaseHistory history, RefusalText refusals) {
        this.ledger = ledger;
        this.history = history;
        this.refusals = refusals;
    }

    /** The step that credits a case, named as its history lines name it, and who decided it. */
    public record Step(String processKey, String caseId, String taskKey, String name, String decidedBy) {
    }

    /** What one teacher is credited with. */
    public record Credit(Long teacherId, Claim claim, Evidence evidence) {
    }

    /**
     * The crediting step of a case ({@code taskKey} may be null), whose reviews are the model's: the ledger records as the decider
     * whoever approved the case last, at any step (a review a process owner adds after the others
     * gives the final approval), {@link CaseHistory#SYSTEM} if nobody did.
     */
    public Step step(String processKey, String caseId, String taskKey, String name) {
        return new Step(processKey, caseId, taskKey, name, history.lastApprover(processKey, caseId));
    }

    /**
     * A case that credits one entry: registered, the history says how it was computed and the record
     * takes the entry ({@code credited}); refused, the history says why, the record is closed with
     * the reason ({@code refused}) and the refusal is thrown, for the model's refusal path. Either
     * way the caller's transaction commits what was recorded.
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = BusinessRuleException.class)
    public LedgerEntry creditCase(Step step, Credit credit, Consumer<LedgerEntry> credited, Consumer<String> refused) {
        LedgerEntry entry;
        try {
            entry = register(step, credit);
        } catch (BusinessRuleException refusal) {
            String reason = refusals.forRecord(refusal);
            record(step, CaseOutcome.REFUSED, reason);
            refused.accept(reason);
            log.warn("{} {} approved but refused by the ledger: {}", step.processKey(), step.caseId(),
                    refusal.getMessage());
            throw refusal;
        }
        record(step, CaseOutcome.COMPLETED, entry.explanation());
        credited.accept(entry);
        return entry;
    }

    /**
     * One of the several teachers a case credits (a class's learners, a plan's participants): a
     * refusal is kept with that teacher ({@code refused}) and recorded in the history after
     * {@code whom} (e.g. "张三："), and does not hold back the others. Empty when refused.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<LedgerEntry> creditEach(Step step, Credit credit, Supplier<String> whom,
                                            Consumer<LedgerEntry> credited, Consumer<String> refused) {
        LedgerEntry entry;
        try {
            entry = register(step, credit);
        } catch (BusinessRuleException refusal) {
            String reason = refusals.forRecord(refusal);
            refused.accept(reason);
            record(step, CaseOutcome.REFUSED, whom.get() + reason);
            return Optional.empty();
        }
        credited.accept(entry);
        return Optional.of(entry);
    }

    private LedgerEntry register(Step step, Credit credit) {
        return ledger.registerOnce(credit.teacherId(), credit.claim(), credit.evidence(), step.decidedBy());
    }

    private void record(Step step, CaseOutcome outcome, String comment) {
        history.record(step.processKey(), step.caseId(), step.taskKey(), step.name(), outcome, comment,
                CaseHistory.SYSTEM);
    }
}
