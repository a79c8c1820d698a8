package cn.shixun.annual;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.PendingWork;
import cn.shixun.shared.RefusalText;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A school declares all its teachers for a year in one step (R-33 bulk). The declaration is
 * checked first (scope, year, deadline, promotion candidates) and refused as a whole, writing
 * nothing; then every teacher becomes a pending item, and each item is started as its own
 * registration and process instance in its own transaction — one teacher's trouble does not
 * hold back the others. The pending items are the queue (docs/adr/0008): the node that took the
 * declaration starts them at once, and every node's worker ({@link PendingWork}) takes whatever
 * is still pending, so a batch interrupted by a stopped node is finished by another or after the
 * restart. A worker locks an item in the transaction that starts it, so no teacher is started
 * twice; the live key of a registration stays the last guard. Only items that failed with a
 * reason wait for the school to retry them (one batch per school and year).
 */
@Service
@Transactional(readOnly = true)
public class AnnualBatches implements PendingWork {

    private static final Logger log = LoggerFactory.getLogger(AnnualBatches.class);
    /** Items a worker round starts of one batch before it turns to the next batch. */
    static final int CHUNK = 50;

    /** How far a batch has come: its items by outcome and its registrations by status. */
    public record Progress(AnnualBatch batch, int teachers, Map<BatchItem.Outcome, Long> items,
                           Map<RegistrationStatus, Long> registrations, boolean finished) {
    }

    private final AnnualBatchRepository batches;
    private final BatchItemRepository items;
    private final AnnualRegistrationRepository registrations;
    private final AnnualRegistrations annual;
    private final Teachers teachers;
    private final Organisations organisations;
    private final AccessScope scope;
    private final AnnualCalendar calendar;
    private final ApplicationEventPublisher events;
    private final RefusalText refusals;
    private final TransactionTemplate ownTransaction;
    /** Starts a batch just declared on this node at once, instead of at the workers' next round. */
    private final ExecutorService background = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "annual-batch");
        thread.setDaemon(true);
        return thread;
    });

    AnnualBatches(AnnualBatchRepository batches, BatchItemRepository items,
                  AnnualRegistrationRepository registrations, AnnualRegistrations annual, Teachers teachers,
                  Organisations organisations, AccessScope scope, AnnualCalendar calendar,
                  ApplicationEventPublisher events, RefusalText refusals,
                  PlatformTransactionManager transactionManager) {
        this.batches = batches;
        this.items = items;
        this.registrations = registrations;
        this.annual = annual;
        this.teachers = teachers;
        this.organisations = organisations;
        this.scope = scope;
        this.calendar = calendar;
        this.events = events;
        this.refusals = refusals;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * {@code account} declares every teacher of the school for {@code year}; teachers up for
     * title promotion are named in {@code promotionCandidateIds} (their own deadline, R-33
     * Sanmenxia). Returns the batch's progress once every item has been tried.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Progress declare(CurrentAccount account, Long schoolId, Integer year, Set<Long> promotionCandidateIds) {
        return declare(account, schoolId, year, promotionCandidateIds, calendar.today());
    }

    /** {@link #declare(CurrentAccount, Long, Integer, Set)} as of {@code today} (the demo data declares on a date of its own). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    Progress declare(CurrentAccount account, Long schoolId, Integer year, Set<Long> promotionCandidateIds,
                     LocalDate today) {
        Set<Long> promoted = promotionCandidateIds == null ? Set.of() : Set.copyOf(promotionCandidateIds);
        Long batchId = ownTransaction.execute(status -> prepare(account, schoolId, year, promoted, today).getId());
        startPending(batchId, Integer.MAX_VALUE, today);
        return progress(batchId);
    }

    /**
     * The page's declaration: the same checks, refused as a whole before anything is written, and
     * the batch with its items; then the teachers are started in the background, so that the
     * batch page can show them being started. Returns the batch's id at once.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Long declareInBackground(CurrentAccount account, Long schoolId, Integer year) {
        LocalDate today = calendar.today();
        Long batchId = ownTransaction.execute(status -> prepare(account, schoolId, year, Set.of(), today).getId());
        startSoon(batchId);
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
        if (isRunning(batchId)) {
            throw BusinessRuleException.conflict("R-33", "id", "annual.batch-running", batchId);
        }
        LocalDate today = calendar.today();
        ownTransaction.executeWithoutResult(status -> {
            AnnualBatch prepared = prepare(account, batch.schoolId(), batch.year(), Set.of(), today);
            List<BatchItem> failed = items.findByBatchIdAndOutcomeOrderByIdAsc(batchId, BatchItem.Outcome.FAILED);
            failed.forEach(BatchItem::retry);
            if (!failed.isEmpty()) {
                prepared.reopened();
            }
        });
        startSoon(batchId);
        return batchId;
    }

    /** Whether teachers of the batch are still pending: a worker (of any node) is starting them. */
    public boolean isRunning(Long batchId) {
        return items.countByBatchIdAndOutcome(batchId, BatchItem.Outcome.PENDING) > 0;
    }

    /** The workers' round: a chunk of every batch with pending items. */
    @Override
    public void startPending() {
        for (Long batchId : ownTransaction.execute(status -> items.batchesWith(BatchItem.Outcome.PENDING))) {
            startPending(batchId, CHUNK, calendar.today());
        }
    }

    private void startSoon(Long batchId) {
        background.execute(new DelegatingSecurityContextRunnable(() -> {
            try {
                startPending(batchId, Integer.MAX_VALUE, calendar.today());
            } catch (RuntimeException failure) {
                // The items still pending stay so: the workers' next round takes them.
                log.error("Annual batch {} interrupted", batchId, failure);
            }
        }));
    }

    /**
     * Starts up to {@code limit} pending items of the batch, each in a transaction of its own
     * (a worker that stops half-way leaves the rest pending), and marks the batch finished
     * once nothing is pending.
     */
    void startPending(Long batchId, int limit, LocalDate today) {
        AnnualBatch batch = ownTransaction.execute(status -> batches.findById(batchId).orElseThrow());
        List<Long> pending = ownTransaction.execute(status -> items.idsByOutcome(batchId,
                BatchItem.Outcome.PENDING, Limit.of(limit)));
        for (Long itemId : pending) {
            startOne(itemId, batch.year(), batch.declaredBy(), today);
        }
        boolean finished = Boolean.TRUE.equals(ownTransaction.execute(status -> {
            AnnualBatch current = batches.findById(batchId).orElseThrow();
            if (current.finishedAt() != null || items.countByBatchIdAndOutcome(batchId, BatchItem.Outcome.PENDING) > 0) {
                return false;
            }
            current.finished(Instant.now());
            return true;
        }));
        if (finished) {
            log.info("Annual batch {} (school {}, {}) by {}: {}", batchId, batch.schoolId(), batch.year(),
                    batch.declaredBy(), progress(batchId).items());
        }
    }

    @PreDestroy
    void stopBackground() {
        background.shutdownNow();
    }

    /** Every check before anything is written; then the batch (found or created) with an item per teacher. */
    private AnnualBatch prepare(CurrentAccount account, Long schoolId, Integer year, Set<Long> promoted,
                                LocalDate today) {
        if (account.isTeacher()) {
            throw BusinessRuleException.forbidden("R-33", "schoolId", "annual.only-schools-declare");
        }
        Organisation school = organisations.requireSchool(schoolId, "schoolId");
        if (!scope.covers(account, schoolId)) {
            throw BusinessRuleException.forbidden("R-04", "schoolId", "annual.school-outside-scope", school.name());
        }
        String profile = organisations.effectivePolicyProfile(schoolId);
        annual.requireOpenYear(year, profile, false, today, "year");
        for (Long teacherId : promoted) {
            Teacher teacher = teachers.find(teacherId).filter(found -> schoolId.equals(found.schoolId()))
                    .orElseThrow(() -> BusinessRuleException.violation("R-33", "promotionCandidateIds",
                            "annual.promotion-not-at-school", teacherId, school.name()));
            annual.requireOpenYear(year, profile, true, today, "promotionCandidateIds");
            if (!teacher.isRegistrable()) {
                throw BusinessRuleException.violation("R-01", "promotionCandidateIds", "teacher.not-registrable",
                        teacher.name());
            }
        }
        AnnualBatch batch = batches.findBySchoolIdAndRegYear(schoolId, year)
                .orElseGet(() -> batches.saveAndFlush(new AnnualBatch(schoolId, year, account.username(),
                        Instant.now())));
        Set<Long> listed = items.findByBatchIdOrderByIdAsc(batch.getId()).stream().map(BatchItem::teacherId)
                .collect(Collectors.toSet());
        for (Teacher teacher : teachers.atSchool(schoolId)) {
            if (!listed.contains(teacher.getId())) {
                BatchItem item = new BatchItem(batch.getId(), teacher.getId());
                if (!teacher.isRegistrable()) {
                    item.done(BatchItem.Outcome.NOT_REGISTRABLE, null, null);
                }
                items.save(item);
                batch.reopened();
            }
        }
        items.findByBatchIdAndOutcomeOrderByIdAsc(batch.getId(), BatchItem.Outcome.PENDING).stream()
                .filter(item -> promoted.contains(item.teacherId())).forEach(BatchItem::promotionCandidate);
        events.publishEvent(new AuditedAction("annual.declare", "annualBatch", String.valueOf(batch.getId()),
                school.name() + " " + year + "年度集中申报"));
        return batch;
    }

    /**
     * One teacher: started, already registered for the year, or failed with the reason; in a
     * transaction of its own that holds the item's lock, so that another worker waits and then
     * finds it done. A teacher locked past the lock timeout is left to its worker.
     */
    private void startOne(Long itemId, int year, String declaredBy, LocalDate today) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                BatchItem item = items.lockById(itemId).orElseThrow();
                if (item.outcome() != BatchItem.Outcome.PENDING) {
                    return; // another worker started it meanwhile
                }
                var live = registrations.findByLiveKey(AnnualRegistration.liveKey(item.teacherId(), year));
                if (live.isPresent()) {
                    item.done(BatchItem.Outcome.ALREADY_REGISTERED, live.get().getId(), live.get().status().label());
                    return;
                }
                AnnualRegistration registration = annual.open(item.teacherId(), year, item.isPromotionCandidate(),
                        List.of(), null, declaredBy, item.batchId(), false, today);
                item.done(BatchItem.Outcome.STARTED, registration.getId(), null);
            });
        } catch (BusinessRuleException refusal) {
            BatchItem.Outcome outcome = "R-01".equals(refusal.ruleId()) ? BatchItem.Outcome.NOT_REGISTRABLE
                    : BatchItem.Outcome.FAILED;
            failed(itemId, outcome, refusals.forRecord(refusal));
            log.warn("Annual batch item {} not started: {}", itemId, refusal.getMessage());
        } catch (ConcurrencyFailureException busy) {
            log.info("Annual batch item {} busy with another worker: {}", itemId, busy.toString());
        } catch (RuntimeException failure) {
            log.warn("Annual batch item {} failed", itemId, failure);
            failed(itemId, BatchItem.Outcome.FAILED, refusals.forRecord(
                    BusinessRuleException.conflict("R-33", "id", "annual.batch-item-error")));
        }
    }

    /** Records why an item was not started, unless another worker has started it meanwhile. */
    private void failed(Long itemId, BatchItem.Outcome outcome, String reason) {
        ownTransaction.executeWithoutResult(status -> items.lockById(itemId)
                .filter(item -> item.outcome() == BatchItem.Outcome.PENDING)
                .ifPresent(item -> item.done(outcome, null, reason)));
    }

    public Progress progress(Long batchId) {
        AnnualBatch batch = batches.findById(batchId)
                .orElseThrow(() -> BusinessRuleException.notFound("id", "annual.batch-not-found", batchId));
        Map<BatchItem.Outcome, Long> byOutcome = new EnumMap<>(BatchItem.Outcome.class);
        items.countByOutcome(batchId).forEach(row -> byOutcome.put((BatchItem.Outcome) row[0], (Long) row[1]));
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
