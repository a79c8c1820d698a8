package cn.shixun.annual;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.BatchQueue;
import cn.shixun.tasks.BatchResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/**
 * A school's annual batch as {@link cn.shixun.tasks.BatchStarts} runs it (R-33 bulk): the items
 * with outcome {@code PENDING} are the queue, and starting one opens the teacher's registration
 * and process, or records that the teacher is registered for the year already.
 */
@Component
class AnnualBatchQueue implements BatchQueue<AnnualBatch> {

    private static final Logger log = LoggerFactory.getLogger(AnnualBatchQueue.class);

    private final AnnualBatchRepository batches;
    private final BatchItemRepository items;
    private final AnnualRegistrationRepository registrations;
    private final AnnualOpenings openings;
    private final RegistrationProgress progress;
    /** The day of the submissions: the calendar's today; the demo data's own date ({@link #asOf}). */
    private final Supplier<LocalDate> today;

    @Autowired
    AnnualBatchQueue(AnnualBatchRepository batches, BatchItemRepository items,
                     AnnualRegistrationRepository registrations, AnnualOpenings openings,
                     RegistrationProgress progress, AnnualCalendar calendar) {
        this(batches, items, registrations, openings, progress, calendar::today);
    }

    private AnnualBatchQueue(AnnualBatchRepository batches, BatchItemRepository items,
                             AnnualRegistrationRepository registrations, AnnualOpenings openings,
                             RegistrationProgress progress, Supplier<LocalDate> today) {
        this.batches = batches;
        this.items = items;
        this.registrations = registrations;
        this.openings = openings;
        this.progress = progress;
        this.today = today;
    }

    /** The same queue, its teachers submitted as of {@code day}. */
    AnnualBatchQueue asOf(LocalDate day) {
        return new AnnualBatchQueue(batches, items, registrations, openings, progress, () -> day);
    }

    @Override
    public String name() {
        return "Annual batch";
    }

    @Override
    public AnnualBatch batch(Long batchId) {
        return batches.findById(batchId).orElseThrow();
    }

    @Override
    public List<Long> batchesWithPending() {
        return items.batchesWith(BatchItem.Outcome.PENDING);
    }

    @Override
    public List<Long> pending(Long batchId, int limit) {
        return items.idsByOutcome(batchId, BatchItem.Outcome.PENDING, Limit.of(limit));
    }

    @Override
    public long countPending(Long batchId) {
        return items.countByBatchIdAndOutcome(batchId, BatchItem.Outcome.PENDING);
    }

    /** One teacher: started, or already registered for the year. */
    @Override
    public void start(AnnualBatch batch, Long itemId) {
        BatchItem item = items.lockById(itemId).orElseThrow();
        if (item.outcome() != BatchItem.Outcome.PENDING) {
            return; // another worker started it meanwhile
        }
        var live = registrations.findByLiveKey(AnnualRegistration.liveKey(item.teacherId(), batch.year()));
        if (live.isPresent()) {
            item.done(BatchItem.Outcome.ALREADY_REGISTERED, live.get().getId(), progress.statusLabel(live.get()));
            return;
        }
        AnnualRegistration registration = openings.open(item.teacherId(), batch.year(), item.isPromotionCandidate(),
                List.of(), null, batch.declaredBy(), item.batchId(), false, today.get(), item.lateReason());
        item.done(BatchItem.Outcome.STARTED, registration.getId(), null);
    }

    /** A teacher no longer registrable is shown as such, any other refusal as failed. */
    @Override
    public void failed(Long itemId, BusinessRuleException refusal, String reason) {
        BatchItem.Outcome outcome = "R-01".equals(refusal.ruleId()) ? BatchItem.Outcome.NOT_REGISTRABLE
                : BatchItem.Outcome.FAILED;
        items.lockById(itemId).filter(item -> item.outcome() == BatchItem.Outcome.PENDING)
                .ifPresent(item -> item.done(outcome, null, reason));
    }

    @Override
    public BusinessRuleException unexpectedFailure() {
        return BusinessRuleException.conflict("R-33", "id", "annual.batch-item-error");
    }

    @Override
    public BusinessRuleException stillRunning(Long batchId) {
        return BusinessRuleException.conflict("R-33", "id", "annual.batch-running", batchId);
    }

    /** Started or registered already, against not registrable or failed: for the school administrator who declared it. */
    @Override
    public Optional<BatchResult> result(Long batchId) {
        AnnualBatch batch = batches.findById(batchId).orElseThrow();
        Map<BatchItem.Outcome, Long> outcomes = items.outcomes(batchId);
        long started = outcomes.getOrDefault(BatchItem.Outcome.STARTED, 0L)
                + outcomes.getOrDefault(BatchItem.Outcome.ALREADY_REGISTERED, 0L);
        long refused = outcomes.getOrDefault(BatchItem.Outcome.NOT_REGISTRABLE, 0L)
                + outcomes.getOrDefault(BatchItem.Outcome.FAILED, 0L);
        return Optional.of(new BatchResult(AnnualRegistrations.PROCESS_KEY, batchId, batch.declaredBy(), started, refused,
                "/annual-registrations/batches/" + batchId));
    }

    /** The batch is finished (once: a batch reopened by the school is finished again when it is done). */
    @Override
    public void drained(Long batchId) {
        AnnualBatch batch = batches.findById(batchId).orElseThrow();
        if (batch.finishedAt() != null) {
            return;
        }
        batch.finished(Instant.now());
        log.info("Annual batch {} (school {}, {}) by {}: {}", batchId, batch.schoolId(), batch.year(),
                batch.declaredBy(), items.outcomes(batchId));
    }
}
