package cn.shixun.cycleverification;

import cn.shixun.cycleverification.process.CycleVerificationProcess;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.PendingWork;
import cn.shixun.shared.RefusalText;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.tasks.ReviewRouting;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The five-year cycle verification: a school declares its teachers whose cycle ended in
 * a period, one process per teacher; the county re-checks, the city confirms, the province
 * files, each through the casework; the certificate is issued at the end. The hours
 * always come from the ledger and are checked again at every approval: a teacher
 * short of hours cannot be approved, only returned for evidence or rejected. Every refusal of
 * a declaration happens before anything is written. A batch's unstarted verifications are the
 * queue of its process starts (docs/adr/0008): the declaring node starts them at once, and every
 * node's worker ({@link PendingWork}) takes what a stopped node left; only a start that failed
 * with a reason waits for the school to retry it.
 */
@Service
@Transactional(readOnly = true)
public class CycleVerifications implements PendingWork {

    public static final String PROCESS = CycleVerificationProcess.PROCESS_ID;
    /** Teachers declared in one batch at most. */
    static final int MAX_BATCH = 500;
    private static final int MAX_TEXT = 1000;
    private static final int MAX_REQUEST_ID = 64;
    /** Starts a worker round makes of one batch before it turns to the next batch. */
    static final int CHUNK = 50;
    private static final Logger log = LoggerFactory.getLogger(CycleVerifications.class);

    /** The batch and its verifications, with the teachers of the school left out and why. */
    public record Declared(VerificationBatch batch, List<CycleVerification> verifications, List<Skipped> skipped) {
    }

    /** A teacher of the school not declared, and why (unregistrable, cycle elsewhere, verified, in progress). */
    public record Skipped(Long teacherId, String teacherName, String reason) {
    }

    private final CycleVerificationRepository verifications;
    private final VerificationBatchRepository batches;
    private final CycleVerificationProcess process;
    private final CycleResults cycles;
    private final Certificates certificates;
    private final Teachers teachers;
    private final Organisations organisations;
    private final ReviewRouting routing;
    private final AccessScope scope;
    private final CaseHistory history;
    private final CaseTasks caseTasks;
    private final RefusalText refusals;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    /** Starts a batch just declared on this node at once, instead of at the workers' next round. */
    private final ExecutorService background = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "cycle-verification-batch");
        thread.setDaemon(true);
        return thread;
    });

    CycleVerifications(CycleVerificationRepository verifications, VerificationBatchRepository batches,
                       CycleVerificationProcess process, CycleResults cycles, Certificates certificates,
                       Teachers teachers, Organisations organisations, ReviewRouting routing, AccessScope scope,
                       CaseHistory history, CaseTasks caseTasks, RefusalText refusals,
                       ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
        this.clock = clock;
        this.verifications = verifications;
        this.batches = batches;
        this.process = process;
        this.cycles = cycles;
        this.certificates = certificates;
        this.teachers = teachers;
        this.organisations = organisations;
        this.routing = routing;
        this.scope = scope;
        this.history = history;
        this.caseTasks = caseTasks;
        this.refusals = refusals;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The school declares. All checks and the batch with its verifications are one
     * transaction (a refusal writes nothing); then each teacher's process starts in a
     * transaction of its own, so one failure does not hold back the others and
     * {@link #resume} can finish the batch later. Not transactional itself for that reason.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public Declared declare(CurrentAccount account, Declaration declaration) {
        Declared declared = ownTransaction.execute(status -> prepare(account, declaration));
        startUnstarted(declared.batch().getId(), Integer.MAX_VALUE);
        return new Declared(declared.batch(), ownTransaction.execute(status ->
                verifications.findByBatchIdOrderByIdAsc(declared.batch().getId())), declared.skipped());
    }

    /** Retries the starts that failed and starts what is left unstarted; starting is idempotent. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public List<CycleVerification> resume(Long batchId, CurrentAccount account) {
        VerificationBatch batch = requireBatchVisibleTo(batchId, account);
        retryFailedStarts(batch.getId());
        startUnstarted(batch.getId(), Integer.MAX_VALUE);
        return ownTransaction.execute(status -> verifications.findByBatchIdOrderByIdAsc(batchId));
    }

    private void retryFailedStarts(Long batchId) {
        ownTransaction.executeWithoutResult(status -> verifications.findByBatchIdOrderByIdAsc(batchId).stream()
                .filter(v -> v.processInstanceId() == null).forEach(CycleVerification::retryStart));
    }

    private Declared prepare(CurrentAccount account, Declaration declaration) {
        if (declaration == null || declaration.schoolId() == null) {
            throw BusinessRuleException.violation("R-34", "schoolId", "cycleverification.school-required");
        }
        if (!account.is(Role.SCHOOL_ADMIN)) {
            throw BusinessRuleException.forbidden("R-34", "schoolId", "cycleverification.only-schools-declare");
        }
        Organisation school = organisations.requireSchool(declaration.schoolId(), "schoolId");
        if (!scope.covers(account, school.getId())) {
            throw BusinessRuleException.forbidden("R-04", "schoolId", "cycleverification.school-outside-scope",
                    school.name());
        }
        String requestId = requestId(declaration.requestId());
        if (requestId != null) {
            Optional<VerificationBatch> earlier = batches.findBySchoolIdAndRequestId(school.getId(), requestId);
            if (earlier.isPresent()) {
                log.info("Cycle verification batch {} requested again ({}); nothing new declared",
                        earlier.get().getId(), requestId);
                return new Declared(earlier.get(), List.of(), List.of());
            }
        }
        LocalDate from = declaration.periodFrom();
        LocalDate to = declaration.periodTo();
        requirePeriod(from, to);
        List<Candidate> chosen = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (declaration.teacherIds() == null) {
            for (Teacher teacher : teachers.atSchool(school.getId())) {
                Eligibility eligibility = eligibility(teacher, from, to);
                if (eligibility.refusal() == null) {
                    chosen.add(new Candidate(teacher, eligibility.cycleEnd()));
                } else {
                    skipped.add(new Skipped(teacher.getId(), teacher.name(), refusals.forRecord(eligibility.refusal())));
                }
            }
            if (chosen.isEmpty()) {
                throw BusinessRuleException.violation("R-34", "periodTo", "cycleverification.nobody-to-declare",
                        school.name(), from, to);
            }
        } else {
            chosen = listed(declaration.teacherIds(), school, from, to);
        }
        Instant now = Instant.now();
        VerificationBatch batch;
        try {
            batch = batches.saveAndFlush(new VerificationBatch(school.getId(), from, to, requestId, account.username(),
                    now));
        } catch (DataIntegrityViolationException raced) {
            throw BusinessRuleException.conflict("R-34", "requestId", "cycleverification.request-in-progress", requestId);
        }
        CycleVerification.Routing groups = routingOf(school);
        List<CycleVerification> created = new ArrayList<>();
        for (Candidate candidate : chosen) {
            CycleResult result = cycles.resultOf(candidate.teacher().getId(), candidate.cycleEnd());
            CycleVerification verification = verifications.save(new CycleVerification(batch.getId(),
                    candidate.teacher().getId(), school.getId(), result, groups, now));
            created.add(verification);
        }
        verifications.flush();
        events.publishEvent(new AuditedAction("cycle-verification.declare", "cycleVerificationBatch",
                String.valueOf(batch.getId()), school.name() + "申报 " + from + " 至 " + to + " 期满的 "
                + created.size() + " 名教师"));
        log.info("Cycle verification batch {}: {} declared {} teachers of school {} ({} skipped)", batch.getId(),
                account.username(), created.size(), school.code(), skipped.size());
        return new Declared(batch, created, skipped);
    }

    private record Candidate(Teacher teacher, LocalDate cycleEnd) {
    }

    /** a period whose end has passed (a cycle that has not ended cannot be verified). */
    private void requirePeriod(LocalDate from, LocalDate to) {
        if (from == null) {
            throw BusinessRuleException.violation("R-34", "periodFrom", "cycleverification.period-required");
        }
        if (to == null) {
            throw BusinessRuleException.violation("R-34", "periodTo", "cycleverification.period-required");
        }
        if (to.isBefore(from)) {
            throw BusinessRuleException.violation("R-34", "periodTo", "cycleverification.period-reversed", from, to);
        }
        if (!to.isBefore(LocalDate.now(clock))) {
            throw BusinessRuleException.violation("R-34", "periodTo", "cycleverification.period-not-ended", to);
        }
    }

    /** A teacher of the school as a whole-school declaration for the period would treat them: declared with these hours, or left out and why. */
    public record Prospect(Teacher teacher, CycleResult result, String reason) {
    }

    /**
     * What declaring the school for the period would do, without writing anything:
     * each teacher's cycle ending in it with its hours against the requirements, or why they are left out.
     */
    public List<Prospect> prospects(CurrentAccount account, Long schoolId, LocalDate from, LocalDate to) {
        if (!account.is(Role.SCHOOL_ADMIN)) {
            throw BusinessRuleException.forbidden("R-34", "schoolId", "cycleverification.only-schools-declare");
        }
        Organisation school = organisations.requireSchool(schoolId, "schoolId");
        if (!scope.covers(account, school.getId())) {
            throw BusinessRuleException.forbidden("R-04", "schoolId", "cycleverification.school-outside-scope",
                    school.name());
        }
        requirePeriod(from, to);
        List<Prospect> prospects = new ArrayList<>();
        for (Teacher teacher : teachers.atSchool(school.getId())) {
            Eligibility eligibility = eligibility(teacher, from, to);
            prospects.add(eligibility.refusal() == null
                    ? new Prospect(teacher, cycles.resultOf(teacher.getId(), eligibility.cycleEnd()), null)
                    : new Prospect(teacher, null, refusals.forReader(eligibility.refusal())));
        }
        return prospects;
    }

    /**
     * The page's declaration: the same checks and the batch with every verification written at once
     * (a refusal writes nothing), then the processes are started in the background so that the
     * batch page shows them starting. Returns the batch's id.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public Long declareInBackground(CurrentAccount account, Declaration declaration) {
        Declared declared = ownTransaction.execute(status -> prepare(account, declaration));
        startSoon(declared.batch().getId());
        return declared.batch().getId();
    }

    /**
     * {@link #resume} in the background: the failed starts are retried. Refused while starts are
     * still pending — a worker, on this node or another, is making them.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public void resumeInBackground(Long batchId, CurrentAccount account) {
        VerificationBatch batch = requireBatchVisibleTo(batchId, account);
        if (isRunning(batchId)) {
            throw BusinessRuleException.conflict("R-34", "batchId", "cycleverification.batch-running", batchId);
        }
        retryFailedStarts(batch.getId());
        startSoon(batch.getId());
    }

    /** Whether processes of the batch are still to start: a worker (of any node) is starting them. */
    public boolean isRunning(Long batchId) {
        return verifications.countPending(batchId) > 0;
    }

    /** The workers' round: a chunk of every batch with pending starts. */
    @Override
    public void startPending() {
        for (Long batchId : ownTransaction.execute(status -> verifications.batchesWithPending())) {
            startUnstarted(batchId, CHUNK);
        }
    }

    private void startSoon(Long batchId) {
        background.execute(new DelegatingSecurityContextRunnable(() -> {
            try {
                startUnstarted(batchId, Integer.MAX_VALUE);
            } catch (RuntimeException failure) {
                // The starts still pending stay so: the workers' next round takes them.
                log.error("Cycle verification batch {} interrupted", batchId, failure);
            }
        }));
    }

    @PreDestroy
    void stopBackground() {
        background.shutdownNow();
    }

    /** The school's declarations, newest first. */
    public List<VerificationBatch> batchesOf(Long schoolId) {
        return batches.findBySchoolIdOrderByIdDesc(schoolId);
    }

    /** Why a teacher cannot be declared for the period (a refusal, not thrown), or the end of the cycle to verify. */
    private record Eligibility(LocalDate cycleEnd, BusinessRuleException refusal) {
    }

    /** An explicit list: every teacher must qualify, or the whole batch is refused naming the first one that does not. */
    private List<Candidate> listed(List<Long> teacherIds, Organisation school, LocalDate from, LocalDate to) {
        if (teacherIds.isEmpty()) {
            throw BusinessRuleException.violation("R-34", "teacherIds", "cycleverification.nobody-listed");
        }
        if (teacherIds.size() > MAX_BATCH) {
            throw BusinessRuleException.violation("R-34", "teacherIds", "cycleverification.batch-too-large", MAX_BATCH);
        }
        Set<Long> seen = new HashSet<>();
        List<Candidate> chosen = new ArrayList<>();
        for (int i = 0; i < teacherIds.size(); i++) {
            String field = "teacherIds[" + i + "]";
            Long id = teacherIds.get(i);
            Teacher teacher = teachers.find(id)
                    .orElseThrow(() -> BusinessRuleException.notFound(field, "cycleverification.teacher-not-found", id));
            if (!seen.add(id)) {
                throw BusinessRuleException.conflict("R-34", field, "cycleverification.teacher-twice", teacher.name());
            }
            if (!teacher.schoolId().equals(school.getId())) {
                throw BusinessRuleException.forbidden("R-04", field, "cycleverification.teacher-not-at-school",
                        teacher.name(), school.name());
            }
            Eligibility eligibility = eligibility(teacher, from, to);
            if (eligibility.refusal() != null) {
                BusinessRuleException refusal = eligibility.refusal();
                throw switch (refusal.kind()) {
                    case CONFLICT -> BusinessRuleException.conflict(refusal.ruleId(), field, refusal.messageKey(),
                            refusal.messageArgs());
                    default -> BusinessRuleException.violation(refusal.ruleId(), field, refusal.messageKey(),
                            refusal.messageArgs());
                };
            }
            chosen.add(new Candidate(teacher, eligibility.cycleEnd()));
        }
        return chosen;
    }

    /**
     * R-01 registrable; a cycle that ended in the period under the teacher's profile;
     * not verified already (a certificate here, or a paper certificate issued after the cycle
     * ended); not in a verification still open.
     */
    private Eligibility eligibility(Teacher teacher, LocalDate from, LocalDate to) {
        if (!teacher.isRegistrable()) {
            return refused(BusinessRuleException.violation("R-01", "teacherIds", "cycleverification.not-registrable",
                    teacher.name()));
        }
        List<CycleVerification> earlier = verifications.findByTeacherIdOrderByIdAsc(teacher.getId());
        Optional<CycleVerification> open = earlier.stream().filter(v -> v.status().isOpen()).findFirst();
        if (open.isPresent()) {
            return refused(BusinessRuleException.conflict("R-34", "teacherIds", "cycleverification.already-declared",
                    teacher.name(), open.get().cycleStart(), open.get().cycleEnd(), open.get().status().label()));
        }
        Optional<CycleVerification> certified = earlier.stream()
                .filter(v -> v.status() == VerificationStatus.CERTIFIED
                        && !v.cycleEnd().isBefore(from) && !v.cycleEnd().isAfter(to)).findFirst();
        if (certified.isPresent()) {
            return refused(BusinessRuleException.conflict("R-34", "teacherIds", "cycleverification.already-verified",
                    teacher.name(), certified.get().cycleStart(), certified.get().cycleEnd()));
        }
        Optional<TeacherStatus.CycleView> cycle;
        try {
            cycle = cycles.cycleEndingIn(teacher.getId(), from, to);
        } catch (BusinessRuleException noProfile) {
            return refused(noProfile);
        }
        // A per-teacher cycle counted back from the hire date may end before the teacher started: not theirs.
        if (cycle.isEmpty() || cycle.get().end().isBefore(teacher.hireDate())) {
            return refused(BusinessRuleException.violation("R-34", "teacherIds", "cycleverification.cycle-not-in-period",
                    teacher.name(), from, to));
        }
        LocalDate end = cycle.get().end();
        if (teacher.lastCertificateIssuedOn() != null && end.isBefore(teacher.lastCertificateIssuedOn())) {
            return refused(BusinessRuleException.conflict("R-34", "teacherIds", "cycleverification.already-verified",
                    teacher.name(), cycle.get().start(), end));
        }
        return new Eligibility(end, null);
    }

    private static Eligibility refused(BusinessRuleException refusal) {
        return new Eligibility(null, refusal);
    }

    /** county schools go to their county, then its city; city- and province-direct middle schools straight to the city. */
    private CycleVerification.Routing routingOf(Organisation school) {
        CandidateGroup schoolGroup = routing.schoolReview(school.getId());
        CandidateGroup authority = routing.authorityReview(school.getId());
        boolean county = authority.role() == Role.COUNTY_REVIEWER;
        CandidateGroup city = county ? routing.above(authority).orElseThrow(
                () -> new IllegalStateException("no city above " + authority.id())) : authority;
        CandidateGroup province = routing.above(city).orElseThrow(
                () -> new IllegalStateException("no province above " + city.id()));
        return new CycleVerification.Routing(schoolGroup.id(), county ? authority.id() : null, city.id(), province.id());
    }

    /**
     * Starts up to {@code limit} pending verifications of the batch, each in a transaction of its
     * own (a worker that stops half-way leaves the rest pending). Every read is a transaction of
     * its own too: the caller has none.
     */
    void startUnstarted(Long batchId, int limit) {
        VerificationBatch batch = ownTransaction.execute(status -> batches.findById(batchId).orElseThrow());
        for (Long id : ownTransaction.execute(status -> verifications.pendingIds(batchId, Limit.of(limit)))) {
            try {
                ownTransaction.executeWithoutResult(status -> start(id, batch.declaredBy()));
            } catch (ConcurrencyFailureException busy) {
                log.info("Cycle verification {} busy with another worker: {}", id, busy.toString());
            } catch (RuntimeException failure) {
                log.warn("Cycle verification {} of batch {} could not start", id, batchId, failure);
                String reason = failure instanceof BusinessRuleException refusal ? refusals.forRecord(refusal)
                        : refusals.forRecord(BusinessRuleException.conflict("R-34", "batchId",
                        "cycleverification.start-error"));
                ownTransaction.executeWithoutResult(status -> verifications.lockById(id)
                        .filter(v -> v.processInstanceId() == null).ifPresent(v -> v.startFailed(reason)));
            }
        }
    }

    /** Starts the process in a transaction that holds the verification's lock: another worker waits, then finds it started. */
    private void start(Long id, String declaredBy) {
        CycleVerification verification = verifications.lockById(id).orElseThrow();
        if (verification.processInstanceId() != null) {
            return;
        }
        history.record(PROCESS, String.valueOf(id), null, "学校申报", CaseOutcome.SUBMITTED,
                hoursLine(verification), declaredBy);
        verification.startedAs(process.start(id));
    }

    /** A reviewer decided (called by the casework inside the completing transaction). */
    @Transactional
    public void decided(Long id, String taskKey, Decision decision, String comment) {
        CycleVerification verification = require(id);
        Instant now = Instant.now();
        switch (decision) {
            case APPROVE -> {
                CycleResult result = cycles.resultOf(verification.teacherId(), verification.cycleEnd());
                if (!result.met()) {
                    throw BusinessRuleException.violation("R-07", "outcome", "cycleverification.hours-short",
                            teacherName(verification), result.missingText());
                }
                verification.checked(result, now);
                verification.moveTo(switch (taskKey) {
                    case CycleVerificationProcess.COUNTY_RECHECK -> VerificationStatus.CITY_CONFIRMATION;
                    case CycleVerificationProcess.CITY_CONFIRMATION -> VerificationStatus.PROVINCE_FILING;
                    default -> VerificationStatus.ISSUING;
                }, now);
            }
            case RETURN -> verification.moveTo(VerificationStatus.RETURNED, now);
            case REJECT -> verification.closed(VerificationStatus.REJECTED, comment, now);
        }
    }

    /**
     * The school resubmits a returned declaration after adding evidence: the ledger is read
     * again and the case goes back to its first review, with a line in the history.
     */
    @Transactional
    public void resubmitted(Long id, String actor) {
        CycleVerification verification = require(id);
        Instant now = Instant.now();
        process.takeNote(verification.processInstanceId()).ifPresent(note -> verification.noted(clip(note), now));
        verification.checked(cycles.resultOf(verification.teacherId(), verification.cycleEnd()), now);
        verification.moveTo(verification.firstReview(), now);
        history.record(PROCESS, String.valueOf(id), CycleVerificationProcess.SCHOOL_AMEND, "按台账重新核对学时",
                CaseOutcome.COMPLETED, (verification.note() == null ? "" : "补充说明：" + verification.note() + "；")
                        + hoursLine(verification), CaseHistory.SYSTEM);
    }

    /** The school's amendment through our API: keeps its note, then sends the returned case on. */
    @Transactional
    public CycleVerification amend(Long id, CurrentAccount account, String note) {
        CycleVerification verification = requireVisibleTo(id, account);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw BusinessRuleException.violation("R-40", "note", "cycleverification.note-required");
        }
        if (text.length() > MAX_TEXT) {
            throw BusinessRuleException.violation(null, "note", "cycleverification.text-too-long", MAX_TEXT);
        }
        CaseTask task = caseTasks.openTask(PROCESS, String.valueOf(id))
                .filter(open -> CycleVerificationProcess.SCHOOL_AMEND.equals(open.taskKey()))
                .orElseThrow(() -> BusinessRuleException.conflict("R-34", "id", "cycleverification.not-returned", id));
        caseTasks.requireWorkable(task.id(), account);
        verification.noted(text, Instant.now());
        caseTasks.submit(task.id(), account);
        events.publishEvent(new AuditedAction("cycle-verification.amend", PROCESS, String.valueOf(id), text));
        return verification;
    }

    /**
     * The last step: the hours are read once more and the teacher must still be
     * registrable; then the certificate is issued. A refusal is recorded and closes
     * the case; it is rethrown for the delegate to turn into the model's error.
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public Certificate issueCertificate(Long id) {
        CycleVerification verification = require(id);
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
            history.record(PROCESS, String.valueOf(id), "ServiceTask_IssueCertificate", "发放登记证书",
                    CaseOutcome.REFUSED, reason, CaseHistory.SYSTEM);
            verification.closed(VerificationStatus.CERTIFICATE_REFUSED, reason, now);
            log.warn("Cycle verification {} filed but no certificate issued: {}", id, reason);
            throw refusal;
        }
        verification.checked(result, now);
        Certificate certificate = certificates.issue(verification);
        verification.moveTo(VerificationStatus.CERTIFIED, now);
        history.record(PROCESS, String.valueOf(id), "ServiceTask_IssueCertificate", "发放登记证书",
                CaseOutcome.COMPLETED, "证书编号 " + certificate.number() + "，发证日期 " + certificate.issuedOn()
                        + "，有效期至 " + certificate.validUntil(), CaseHistory.SYSTEM);
        log.info("Cycle verification {}: certificate {} issued to teacher {}", id, certificate.number(),
                verification.teacherId());
        return certificate;
    }

    public CycleVerification require(Long id) {
        return verifications.findById(id)
                .orElseThrow(() -> BusinessRuleException.notFound("id", "cycleverification.not-found", id));
    }

    /**
     * The verification if the account may see it: the teacher it is about, an account whose
     * scope covers the school, or a reviewer of one of its levels. Otherwise "not found".
     */
    public CycleVerification requireVisibleTo(Long id, CurrentAccount account) {
        CycleVerification verification = require(id);
        boolean visible = account.isTeacher() ? verification.teacherId().equals(account.teacherId())
                : scope.covers(account, verification.schoolId()) || routing.groupOf(account).map(CandidateGroup::id).filter(group ->
                        group.equals(verification.countyGroup()) || group.equals(verification.cityGroup())
                                || group.equals(verification.provinceGroup())).isPresent();
        if (!visible) {
            throw BusinessRuleException.notFound("id", "cycleverification.not-found", id);
        }
        return verification;
    }

    public VerificationBatch requireBatchVisibleTo(Long batchId, CurrentAccount account) {
        VerificationBatch batch = batches.findById(batchId)
                .orElseThrow(() -> BusinessRuleException.notFound("batchId", "cycleverification.batch-not-found", batchId));
        if (account.isTeacher() || !scope.covers(account, batch.schoolId())) {
            throw BusinessRuleException.notFound("batchId", "cycleverification.batch-not-found", batchId);
        }
        return batch;
    }

    public List<CycleVerification> ofBatch(Long batchId) {
        return verifications.findByBatchIdOrderByIdAsc(batchId);
    }

    public List<CycleVerification> ofTeacher(Long teacherId) {
        return verifications.findByTeacherIdOrderByIdAsc(teacherId);
    }

    public List<CaseEvent> history(Long id) {
        return history.of(PROCESS, String.valueOf(id));
    }

    public Optional<CaseTask> openTask(Long id) {
        return caseTasks.openTask(PROCESS, String.valueOf(id));
    }

    /**
     * One line for a reviewer's worklist: who, which school, the cycle and its hours, and whether they are
     * short; what exactly is missing is on the case page (a worklist line must stay short).
     */
    public String summary(Long id) {
        return verifications.findById(id).map(v -> teacherName(v) + "（"
                + organisations.find(v.schoolId()).map(Organisation::name).orElse("") + "）周期 " + v.cycleStart()
                + " 至 " + v.cycleEnd() + "，总学时 " + v.totalHours().toPlainString() + "，其中校本研修 "
                + v.schoolBasedHours().toPlainString() + (v.hoursMet() ? "，已达到周期要求" : "，学时不足"))
                .orElse(String.valueOf(id));
    }

    private String teacherName(CycleVerification verification) {
        return teachers.find(verification.teacherId()).map(Teacher::name).orElse(String.valueOf(verification.teacherId()));
    }

    private static String hoursLine(CycleVerification v) {
        return "周期 " + v.cycleStart() + " 至 " + v.cycleEnd() + "，总学时 " + v.totalHours().toPlainString()
                + "，其中校本研修 " + v.schoolBasedHours().toPlainString()
                + (v.hoursMet() ? "，已达到周期要求" : "；学时不足：" + v.missing());
    }


    private static String requestId(String requestId) {
        if (requestId == null || requestId.isBlank()) {
            return null;
        }
        String id = requestId.strip();
        if (id.length() > MAX_REQUEST_ID) {
            throw BusinessRuleException.violation(null, "requestId", "cycleverification.text-too-long", MAX_REQUEST_ID);
        }
        return id;
    }

    private static String clip(String text) {
        String stripped = text.strip();
        return stripped.length() > MAX_TEXT ? stripped.substring(0, MAX_TEXT) : stripped;
    }
}
