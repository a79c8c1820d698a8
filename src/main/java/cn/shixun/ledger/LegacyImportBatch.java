package cn.shixun.ledger;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Legacy hours for many teachers at once, resumable: each teacher is one transaction of
 * its own, rows imported before are skipped ({@link Ledger#importMissingLegacy}), and a teacher
 * whose import failed for a technical reason (the database restarted, a connection dropped) is
 * reported as {@link Outcome#FAILED} while the batch goes on. Submitting the same batch again
 * writes exactly what is missing: nothing is lost and nothing doubled.
 */
@Service
public class LegacyImportBatch {

    /** How one teacher's part of the batch ended. */
    public enum Outcome {
        /** New rows were written ({@code written} of them). */
        IMPORTED,
        /** Every row was there already (an earlier run wrote it); nothing written. */
        ALREADY_IMPORTED,
        /** A rule refused the teacher's rows (bad year, unknown teacher, outside the caller's scope…); nothing written. */
        REFUSED,
        /** A technical failure; nothing written for this teacher. Submit the batch again. */
        FAILED
    }

    /** One teacher's rows. */
    public record Item(Long teacherId, List<LegacyHours> items) {
    }

    /** @param entryIds the entries written now; {@code field}/{@code reason} say why a teacher was refused or failed */
    public record Result(Long teacherId, Outcome outcome, int written, List<Long> entryIds, String field,
                         String reason) {
    }

    private static final Logger log = LoggerFactory.getLogger(LegacyImportBatch.class);

    private final Ledger ledger;
    private final RefusalText refusals;
    private final TransactionTemplate perTeacher;

    LegacyImportBatch(Ledger ledger, RefusalText refusals, PlatformTransactionManager transactionManager) {
        this.ledger = ledger;
        this.refusals = refusals;
        this.perTeacher = new TransactionTemplate(transactionManager);
        this.perTeacher.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Imports every teacher's missing rows; {@code mayImportFor} says whether the caller's scope
     * covers a teacher (checked inside the teacher's transaction, so a failure there is a
     * {@link Outcome#FAILED} like any other).
     */
    public List<Result> run(List<Item> batch, String decidedBy, Predicate<Long> mayImportFor) {
        List<Result> results = new ArrayList<>();
        for (Item item : batch) {
            results.add(runOne(item, decidedBy, mayImportFor));
        }
        log.info("Legacy import batch by {}: {} teachers, {} failed", decidedBy, results.size(),
                results.stream().filter(r -> r.outcome() == Outcome.FAILED).count());
        return results;
    }

    private Result runOne(Item item, String decidedBy, Predicate<Long> mayImportFor) {
        Long teacherId = item.teacherId();
        try {
            List<LedgerEntry> written = perTeacher.execute(status -> {
                if (teacherId == null || !mayImportFor.test(teacherId)) {
                    throw BusinessRuleException.notFound("teacherId", "teacher.not-found", teacherId);
                }
                return ledger.importMissingLegacy(teacherId, item.items(), decidedBy);
            });
            return new Result(teacherId, written.isEmpty() ? Outcome.ALREADY_IMPORTED : Outcome.IMPORTED,
                    written.size(), written.stream().map(LedgerEntry::getId).toList(), null, null);
        } catch (BusinessRuleException refused) {
            String reason = refusals.forRecord(refused);
            return new Result(teacherId, Outcome.REFUSED, 0, List.of(), refused.field(), reason);
        } catch (RuntimeException failure) {
            // Typically the database going away mid-batch; the teacher's transaction rolled back.
            log.warn("Legacy import for teacher {} failed, to be resubmitted: {}", teacherId, failure.toString());
            return new Result(teacherId, Outcome.FAILED, 0, List.of(), null, "系统暂时无法写入，请稍后重新提交本批次");
        }
    }
}
