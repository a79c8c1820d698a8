package cn.shixun.cycleverification.web;

import cn.shixun.cycleverification.Certificate;
import cn.shixun.cycleverification.Certificates;
import cn.shixun.cycleverification.CycleVerification;
import cn.shixun.cycleverification.CycleVerifications;
import cn.shixun.cycleverification.Declaration;
import cn.shixun.cycleverification.StandingCount;
import cn.shixun.cycleverification.VerificationBatch;
import cn.shixun.cycleverification.VerificationBatches;
import cn.shixun.cycleverification.VerificationCasework;
import cn.shixun.cycleverification.VerificationDeclarations;
import cn.shixun.cycleverification.VerificationStatus;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.StepLevel;
import cn.shixun.tasks.web.OpenStepView;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cycle-verification API: a school declares a batch, anyone involved follows
 * the batch's counts and each verification with its history, the school resubmits a returned
 * verification with a note, and the certificate is read by its holder and the authorities. The
 * decisions of the county, city and province go through the casework's
 * {@code POST /api/tasks/{id}/decisions} and {@code POST /api/tasks/decisions} (many at once).
 */
@RestController
@RequestMapping("/api/cycle-verifications")
class CycleVerificationController {

    private final CycleVerifications verifications;
    private final VerificationBatches batches;
    private final VerificationCasework casework;
    private final Certificates certificates;
    private final Teachers teachers;
    private final Organisations organisations;
    private final CurrentAccounts accounts;

    CycleVerificationController(CycleVerifications verifications, VerificationBatches batches,
                                VerificationCasework casework, Certificates certificates, Teachers teachers,
                                Organisations organisations, CurrentAccounts accounts) {
        this.verifications = verifications;
        this.batches = batches;
        this.casework = casework;
        this.certificates = certificates;
        this.teachers = teachers;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    record AmendmentRequest(String note) {
    }

    record TaskView(String id, String key, String name, List<String> candidateGroups, Instant due) {
        static TaskView of(CaseTask task) {
            return new TaskView(task.id(), task.taskKey(), task.name(), task.candidateGroups(), task.due());
        }
    }

    /**
     * A verification in a batch. {@code status} is what our record keeps (OPEN, or how it ended); while it
     * is open, {@code statusLabel} and {@code openSteps} say where it is, as the model has it.
     */
    record VerificationSummary(Long id, Long teacherId, String teacherName, String staffNumber, LocalDate cycleStart,
                               LocalDate cycleEnd, BigDecimal totalHours, BigDecimal schoolBasedHours,
                               boolean hoursMet, String missing, VerificationStatus status, String statusLabel,
                               List<OpenStepView> openSteps, TaskView currentTask, String certificateNumber) {
    }

    /** How many started verifications of the batch stand at one open step (its label and level), or ended one way. */
    record CountView(VerificationStatus status, String statusLabel, StepLevel level, String levelLabel, long count) {
        static CountView of(StandingCount count) {
            return new CountView(count.status(), count.label(), count.level(),
                    count.level() == null ? null : count.level().label(), count.count());
        }
    }

    record SkippedView(Long teacherId, String teacherName, String reason) {
    }

    record BatchView(Long id, Long schoolId, String schoolName, LocalDate periodFrom, LocalDate periodTo,
                     String requestId, String declaredBy, Instant createdAt, int total, long notStarted,
                     List<CountView> counts, List<VerificationSummary> verifications,
                     List<SkippedView> skipped) {
    }

    record EventView(String step, CaseOutcome outcome, String outcomeLabel, String comment, String actor,
                     Instant at) {
        static EventView of(CaseEvent e) {
            return new EventView(e.step(), e.outcome(), e.outcome().label(), e.comment(), e.actor(), e.occurredAt());
        }
    }

    record CertificateView(String number, String checkCode, String verifyPath, String teacherName, String schoolName,
                           LocalDate cycleStart, LocalDate cycleEnd, BigDecimal totalHours,
                           BigDecimal schoolBasedHours, LocalDate issuedOn, LocalDate validUntil) {
        static CertificateView of(Certificate c) {
            return new CertificateView(c.number(), c.checkCode(), CertificatePages.verifyPath(c), c.teacherName(),
                    c.schoolName(), c.cycleStart(), c.cycleEnd(), c.totalHours(), c.schoolBasedHours(), c.issuedOn(),
                    c.validUntil());
        }
    }

    record VerificationView(Long id, Long batchId, Long teacherId, String teacherName, Long schoolId,
                            String profileCode, LocalDate cycleStart, LocalDate cycleEnd, BigDecimal totalHours,
                            BigDecimal schoolBasedHours, boolean hoursMet, String missing, VerificationStatus status,
                            String statusLabel, List<OpenStepView> openSteps, boolean countyRecheck, String schoolGroup, String countyGroup,
                            String cityGroup, String provinceGroup, TaskView currentTask, String note,
                            String outcomeReason, CertificateView certificate, List<EventView> history) {
    }

    @PostMapping("/batches")
    ResponseEntity<BatchView> declare(@RequestBody Declaration declaration) {
        VerificationDeclarations.Declared declared = batches.declare(accounts.require(), declaration);
        List<SkippedView> skipped = declared.skipped().stream()
                .map(s -> new SkippedView(s.teacherId(), s.teacherName(), s.reason())).toList();
        return ResponseEntity.created(URI.create("/api/cycle-verifications/batches/" + declared.batch().getId()))
                .body(view(declared.batch(), declared.verifications(), skipped));
    }

    @GetMapping("/batches/{batchId}")
    BatchView batch(@PathVariable Long batchId) {
        VerificationBatch batch = batches.requireBatchVisibleTo(batchId, accounts.require());
        return view(batch, verifications.ofBatch(batchId), List.of());
    }

    /** Starts what a failure left unstarted; harmless to call on a complete batch. */
    @PostMapping("/batches/{batchId}/resume")
    BatchView resume(@PathVariable Long batchId) {
        CurrentAccount account = accounts.require();
        List<CycleVerification> all = batches.resume(batchId, account);
        return view(batches.requireBatchVisibleTo(batchId, account), all, List.of());
    }

    @GetMapping("/{id}")
    VerificationView show(@PathVariable Long id) {
        return view(verifications.requireVisibleTo(id, accounts.require()));
    }

    @PostMapping("/{id}/amendments")
    VerificationView amend(@PathVariable Long id, @RequestBody AmendmentRequest request) {
        CurrentAccount account = accounts.require();
        casework.amend(id, account, request == null ? null : request.note());
        return view(verifications.requireVisibleTo(id, account));
    }

    private BatchView view(VerificationBatch batch, List<CycleVerification> all, List<SkippedView> skipped) {
        // The batch's open tasks are read in one query: each row's current task (whose id a decision
        // needs) and where it stands, which the counts add up.
        Map<Long, List<CaseTask>> openTasks = verifications.openTasksOf(all);
        Map<Long, CaseProgress> progress = new HashMap<>();
        List<VerificationSummary> summaries = new ArrayList<>();
        List<CycleVerification> started = new ArrayList<>();
        for (CycleVerification v : all) {
            List<CaseTask> open = openTasks.get(v.getId());
            progress.put(v.getId(), CaseProgress.of(open));
            summaries.add(summary(v, open, progress.get(v.getId())));
            if (v.processInstanceId() != null) {
                started.add(v);
            }
        }
        return new BatchView(batch.getId(), batch.schoolId(),
                organisations.find(batch.schoolId()).map(Organisation::name).orElse(null), batch.periodFrom(),
                batch.periodTo(), batch.requestId(), batch.declaredBy(), batch.createdAt(), all.size(),
                all.size() - started.size(), StandingCount.of(started, progress).stream().map(CountView::of).toList(),
                summaries, skipped);
    }

    private VerificationSummary summary(CycleVerification v, List<CaseTask> open, CaseProgress progress) {
        Teacher teacher = teachers.require(v.teacherId());
        return new VerificationSummary(v.getId(), v.teacherId(), teacher.name(), teacher.staffNumber(), v.cycleStart(),
                v.cycleEnd(), v.totalHours(), v.schoolBasedHours(), v.hoursMet(), v.missing(), v.status(),
                progress.statusLabel(v.status()), OpenStepView.of(progress),
                open.stream().findFirst().map(TaskView::of).orElse(null),
                certificates.ofVerification(v.getId()).map(Certificate::number).orElse(null));
    }

    private VerificationView view(CycleVerification v) {
        List<CaseTask> open = verifications.openTasks(v.getId());
        CaseProgress progress = CaseProgress.of(open);
        return new VerificationView(v.getId(), v.batchId(), v.teacherId(), teachers.require(v.teacherId()).name(),
                v.schoolId(), v.profileCode(), v.cycleStart(), v.cycleEnd(), v.totalHours(), v.schoolBasedHours(),
                v.hoursMet(), v.missing(), v.status(), progress.statusLabel(v.status()), OpenStepView.of(progress),
                v.countyRecheck(), v.schoolGroup(), v.countyGroup(), v.cityGroup(), v.provinceGroup(),
                open.stream().findFirst().map(TaskView::of).orElse(null), v.note(), v.outcomeReason(),
                certificates.ofVerification(v.getId()).map(CertificateView::of).orElse(null),
                verifications.history(v.getId()).stream().map(EventView::of).toList());
    }
}
