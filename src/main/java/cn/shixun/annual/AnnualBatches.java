package cn.shixun.annual;

import cn.shixun.security.AccessScope;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.BatchStarts;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school declares all its teachers for a year in one step (R-33 bulk). The declaration is
 * checked first (scope, year, deadline, promotion candidates) and refused as a whole, writing
 * nothing; then every teacher becomes a pending item, and {@link BatchStarts} starts each item as
 * its own registration and process instance in its own transaction ({@link AnnualBatchQueue}) —
 * one teacher's trouble does not hold back the others. The pending items are the queue
 * (docs/adr/0008): the node that took the declaration starts them at once, and every node's worker
 * takes whatever is still pending. Only items that failed with a reason wait for the school to
 * retry them (one batch per school and year).
 */
@Service
@Transactional(readOnly = true)
public class AnnualBatches {

    /** How far a batch has come: its items by outcome and its registrations by status. */
    public record Progress(AnnualBatch batch, int teachers, Map<BatchItem.Outcome, Long> items,
                           Map<RegistrationStatus, Long> registrations, boolean finished) {
    }

    private final AnnualBatchRepository batches;
    private final BatchItemRepository items;
    private final AnnualRegistrationRepository registrations;
    private final AnnualDeclarations declarations;
    private final AccessScope scope;
    private final AnnualCalendar calendar;
    private final BatchStarts starts;
    private final AnnualBatchQueue queue;

    AnnualBatches(AnnualBatchRepository batches, BatchItemRepository items,
                  AnnualRegistrationRepository registrations, AnnualDeclarations declarations, AccessScope scope,
                  AnnualCalendar calendar, BatchStarts starts, AnnualBatchQueue queue) {
        this.batches = batches;
        this.items = items;
        this.registrations = registrations;
        this.declarations = declarations;
        this.scope = scope;
        this.calendar = calendar;
        this.starts = starts;
        this.queue = queue;
    }

    /**
     * {@code account} declares every teacher of the school for {@code year}; teachers up for
     * title promotion are named in {@code promotionCandidateIds} (their own deadline, R-33
     * Sanmenxia). After the submission date the school declares late (补报) with {@code lateReason}.
     * Returns the batch's progress once every item has been tried.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Progress declare(CurrentAccount account, Long schoolId, Integer year, Set<Long> promotionCandidateIds,
                            String lateReason) {
        return declare(account, schoolId, year, promotionCandidateIds, calendar.today(), lateReason);
    }

    /** {@link #declare(CurrentAccount, Long, Integer, Set, String)} as of {@code today} (the demo data and tests declare on a date of their own). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    Progress declare(CurrentAccount account, Long schoolId, Integer year, Set<Long> promotionCandidateIds,
                     LocalDate today, String lateReason) {
        Set<Long> promoted = promotionCandidateIds == null ? Set.of() : Set.copyOf(promotionCandidateIds);
        Long batchId = declarations.prepare(account, schoolId, year, promoted, today, lateReason).getId();
        starts.startAll(queue.asOf(today), batchId);
        return progress(batchId);
    }

    /**
     * The page's declaration: the same checks, refused as a whole before anything is written, and
     * the batch with its items; then the teachers are started in the background, so that the
     * batch page can show them being started. Returns the batch's id at once. {@code lateReason}: after the
     * submission date, the school's reason for declaring late (补报).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Long declareInBackground(CurrentAccount account, Long schoolId, Integer year, String lateReason) {
        LocalDate today = calendar.today();
        Long batchId = declarations.prepare(account, schoolId, year, Set.of(), today, lateReason).getId();
        starts.startSoon(queue, batchId);
        return batchId;
    }

    /**
     * Retries the items that failed with a reason (and lists teachers hired since): they are
     * pending again and started in the background. Refused while teachers are still pending —
     * a worker, on this node or another, is starting them.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Long resumeInBackground(Long batchId, CurrentAccount account) {
        AnnualBatch batch = progressVisibleTo(batchId, account).batch();
        LocalDate today = calendar.today();
        starts.resumeInBackground(queue, batchId, () -> {
            AnnualBatch prepared = declarations.prepare(account, batch.schoolId(), batch.year(), Set.of(), today, null);
            List<BatchItem> failed = items.findByBatchIdAndOutcomeOrderByIdAsc(batchId, BatchItem.Outcome.FAILED);
            failed.forEach(BatchItem::retry);
            if (!failed.isEmpty()) {
                prepared.reopened();
            }
        });
        return batchId;
    }

    /** Whether teachers of the batch are still pending: a worker (of any node) is starting them. */
    public boolean isRunning(Long batchId) {
        return queue.countPending(batchId) > 0;
    }

    public Progress progress(Long batchId) {
        AnnualBatch batch = batches.findById(batchId)
                .orElseThrow(() -> BusinessRuleException.notFound("id", "annual.batch-not-found", batchId));
        Map<BatchItem.Outcome, Long> byOutcome = items.outcomes(batchId);
        Map<RegistrationStatus, Long> byStatus = new EnumMap<>(RegistrationStatus.class);
        registrations.countByStatusInBatch(batchId).forEach(row -> byStatus.put((RegistrationStatus) row[0],
                (Long) row[1]));
        int total = byOutcome.values().stream().mapToInt(Long::intValue).sum();
        // Finished = nothing pending, read in the same query as the counts: the page that stops polling
        // when nothing is pending must also see the batch finished (finishedAt is written a moment later).
        return new Progress(batch, total, byOutcome, byStatus, byOutcome.getOrDefault(BatchItem.Outcome.PENDING, 0L) == 0);
    }

    /** The batch if the account's scope covers its school. */
    public Progress progressVisibleTo(Long batchId, CurrentAccount account) {
        Progress progress = progress(batchId);
        if (account.isTeacher() || !scope.covers(account, progress.batch().schoolId())) {
            throw BusinessRuleException.notFound("id", "annual.batch-not-found", batchId);
        }
        return progress;
    }

    /** The school's batch of the year, if it has declared. */
    public Optional<Progress> ofSchool(Long schoolId, int year) {
        return batches.findBySchoolIdAndRegYear(schoolId, year).map(batch -> progress(batch.getId()));
    }

    public List<BatchItem> items(Long batchId) {
        return items.findByBatchIdOrderByIdAsc(batchId);
    }
}
