package cn.shixun.cycleverification;

import cn.shixun.cycleverification.process.CycleVerificationProcess;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.BatchQueue;
import cn.shixun.tasks.BatchResult;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/**
 * A school's verification batch as {@link cn.shixun.tasks.BatchStarts} runs it: the
 * batch's verifications with no process instance and no start failure are the queue, and starting
 * one records the school's declaration in the case history and starts the verification's process.
 */
@Component
class VerificationQueue implements BatchQueue<VerificationBatch> {

    private final CycleVerificationRepository verifications;
    private final VerificationBatchRepository batches;
    private final CycleVerificationProcess process;
    private final CaseHistory history;

    VerificationQueue(CycleVerificationRepository verifications, VerificationBatchRepository batches,
                      CycleVerificationProcess process, CaseHistory history) {
        this.verifications = verifications;
        this.batches = batches;
        this.process = process;
        this.history = history;
    }

    @Override
    public String name() {
        return "Cycle verification batch";
    }

    @Override
    public VerificationBatch batch(Long batchId) {
        return batches.findById(batchId).orElseThrow();
    }

    @Override
    public List<Long> batchesWithPending() {
        return verifications.batchesWithPending();
    }

    @Override
    public List<Long> pending(Long batchId, int limit) {
        return verifications.pendingIds(batchId, Limit.of(limit));
    }

    @Override
    public long countPending(Long batchId) {
        return verifications.countPending(batchId);
    }

    @Override
    public void start(VerificationBatch batch, Long id) {
        CycleVerification verification = verifications.lockById(id).orElseThrow();
        if (verification.processInstanceId() != null) {
            return; // another worker started it meanwhile
        }
        history.record(CycleVerifications.PROCESS, String.valueOf(id), null, "学校申报", CaseOutcome.SUBMITTED,
                CycleVerifications.hoursLine(verification), batch.declaredBy());
        verification.startedAs(process.start(id));
    }

    @Override
    public void failed(Long id, BusinessRuleException refusal, String reason) {
        verifications.lockById(id).filter(v -> v.processInstanceId() == null).ifPresent(v -> v.startFailed(reason));
    }

    /** Verifications started against those refused, for the school administrator who declared the batch. */
    @Override
    public Optional<BatchResult> result(Long batchId) {
        return Optional.of(new BatchResult(CycleVerifications.PROCESS, batchId, batches.findById(batchId).orElseThrow()
                .declaredBy(), verifications.countStarted(batchId), verifications.countStartFailed(batchId),
                "/cycle-verifications/batches/" + batchId));
    }

    @Override
    public BusinessRuleException unexpectedFailure() {
        return BusinessRuleException.conflict("R-34", "batchId", "cycleverification.start-error");
    }

    @Override
    public BusinessRuleException stillRunning(Long batchId) {
        return BusinessRuleException.conflict("R-34", "batchId", "cycleverification.batch-running", batchId);
    }
}
