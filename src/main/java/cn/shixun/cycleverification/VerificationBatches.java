package cn.shixun.cycleverification;

import cn.shixun.security.AccessScope;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.BatchStarts;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's verification batches: declared ({@link VerificationDeclarations}), then each
 * teacher's process started in a transaction of its own by {@link BatchStarts}, so one failure does
 * not hold back the others. A batch's unstarted verifications are the queue of its process starts
 * (docs/adr/0008, {@link VerificationQueue}): the declaring node starts them at once, and every
 * node's worker takes what a stopped node left; only a start that failed with a reason waits for
 * the school to retry it. Declaring and resuming are not transactional themselves for that reason.
 */
@Service
@Transactional(readOnly = true)
public class VerificationBatches {

    private final VerificationDeclarations declarations;
    private final CycleVerificationRepository verifications;
    private final VerificationBatchRepository batches;
    private final AccessScope scope;
    private final BatchStarts starts;
    private final VerificationQueue queue;

    VerificationBatches(VerificationDeclarations declarations, CycleVerificationRepository verifications,
                        VerificationBatchRepository batches, AccessScope scope, BatchStarts starts,
                        VerificationQueue queue) {
        this.declarations = declarations;
        this.verifications = verifications;
        this.batches = batches;
        this.scope = scope;
        this.starts = starts;
        this.queue = queue;
    }

    /**
     * The school declares: the checks and the batch with its verifications in one transaction
     * (a refusal writes nothing), then every process is started before this returns.
     */
    @Transactional(propagation = Propagation.NEVER)
    public VerificationDeclarations.Declared declare(CurrentAccount account, Declaration declaration) {
        VerificationDeclarations.Declared declared = declarations.prepare(account, declaration);
        starts.startAll(queue, declared.batch().getId());
        return new VerificationDeclarations.Declared(declared.batch(), ofBatch(declared.batch().getId()),
                declared.skipped());
    }

    /** What declaring the school for the period would do, without writing anything. */
    public List<VerificationDeclarations.Prospect> prospects(CurrentAccount account, Long schoolId, LocalDate from,
                                                             LocalDate to) {
        return declarations.prospects(account, schoolId, from, to);
    }

    /**
     * The page's declaration: the same checks and the batch with every verification written at once
     * (a refusal writes nothing), then the processes are started in the background so that the
     * batch page shows them starting. Returns the batch's id.
     */
    @Transactional(propagation = Propagation.NEVER)
    public Long declareInBackground(CurrentAccount account, Declaration declaration) {
        Long batchId = declarations.prepare(account, declaration).batch().getId();
        starts.startSoon(queue, batchId);
        return batchId;
    }

    /** Retries the starts that failed and starts what is left unstarted; starting is idempotent. */
    @Transactional(propagation = Propagation.NEVER)
    public List<CycleVerification> resume(Long batchId, CurrentAccount account) {
        requireBatchVisibleTo(batchId, account);
        starts.resume(queue, batchId, () -> retryFailedStarts(batchId));
        return ofBatch(batchId);
    }

    /**
     * {@link #resume} in the background: the failed starts are retried. Refused while starts are
     * still pending — a worker, on this node or another, is making them.
     */
    @Transactional(propagation = Propagation.NEVER)
    public void resumeInBackground(Long batchId, CurrentAccount account) {
        requireBatchVisibleTo(batchId, account);
        starts.resumeInBackground(queue, batchId, () -> retryFailedStarts(batchId));
    }

    private void retryFailedStarts(Long batchId) {
        verifications.findByBatchIdOrderByIdAsc(batchId).stream().filter(v -> v.processInstanceId() == null)
                .forEach(CycleVerification::retryStart);
    }

    /** Whether processes of the batch are still to start: a worker (of any node) is starting them. */
    public boolean isRunning(Long batchId) {
        return queue.countPending(batchId) > 0;
    }

    public VerificationBatch requireBatchVisibleTo(Long batchId, CurrentAccount account) {
        VerificationBatch batch = batches.findById(batchId)
                .orElseThrow(() -> BusinessRuleException.notFound("batchId", "cycleverification.batch-not-found", batchId));
        if (account.isTeacher() || !scope.covers(account, batch.schoolId())) {
            throw BusinessRuleException.notFound("batchId", "cycleverification.batch-not-found", batchId);
        }
        return batch;
    }

    /** The school's declarations, newest first. */
    public List<VerificationBatch> batchesOf(Long schoolId) {
        return batches.findBySchoolIdOrderByIdDesc(schoolId);
    }

    private List<CycleVerification> ofBatch(Long batchId) {
        return verifications.findByBatchIdOrderByIdAsc(batchId);
    }
}
