package cn.shixun.annual.web;

import cn.shixun.annual.AnnualBatch;
import cn.shixun.annual.AnnualBatches;
import cn.shixun.annual.AnnualCalendar;
import cn.shixun.annual.AnnualRegistration;
import cn.shixun.annual.AnnualRegistrations;
import cn.shixun.annual.AnnualRegistrations.Attachment;
import cn.shixun.annual.BatchItem;
import cn.shixun.annual.CardItem;
import cn.shixun.annual.RegistrationProgress;
import cn.shixun.annual.RegistrationStatus;
import cn.shixun.annual.ResultLine;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual registration API: a teacher submits their card, a school declares all its
 * teachers at once and follows the batch's progress, a returned card is amended, and everyone
 * involved reads a registration with its card, the ledger's status of the year (or the
 * registered result) and its history. Decisions go through {@code /api/tasks} (one or many).
 */
@RestController
class AnnualRegistrationController {

    private final AnnualRegistrations registrations;
    private final AnnualBatches batches;
    private final RegistrationProgress caseProgress;
    private final CaseHistory history;
    private final Teachers teachers;
    private final CurrentAccounts accounts;

    AnnualRegistrationController(AnnualRegistrations registrations, AnnualBatches batches,
                                 RegistrationProgress caseProgress, CaseHistory history, Teachers teachers,
                                 CurrentAccounts accounts) {
        this.registrations = registrations;
        this.batches = batches;
        this.caseProgress = caseProgress;
        this.history = history;
        this.teachers = teachers;
        this.accounts = accounts;
    }

    /** {@code lateReason}: after the submission date, why the card is filed late (补报); whether it is late is ours to say. */
    record SubmitRequest(Integer year, Boolean promotionCandidate, List<Attachment> attachments, String lateReason) {
    }

    record AmendRequest(List<Attachment> attachments) {
    }

    record DeclareRequest(Long schoolId, Integer year, Set<Long> promotionCandidateIds, String lateReason) {
    }

    record TaskView(String id, String taskKey, String name, List<String> candidateGroups, String assignee,
                    Instant due) {
        static TaskView of(CaseTask task) {
            return new TaskView(task.id(), task.taskKey(), task.name(), task.candidateGroups(), task.assignee(),
                    task.due());
        }
    }

    record EventView(String step, CaseOutcome outcome, String outcomeLabel, String comment, String actor,
                     Instant at) {
        static EventView of(CaseEvent event) {
            return new EventView(event.step(), event.outcome(), event.outcome().label(), event.comment(),
                    event.actor(), event.occurredAt());
        }
    }

    /** A requirement of the year: live from the ledger while in review, as registered once registered. */
    record RequirementView(String code, String label, String ruleId, String category, String period,
                           BigDecimal required, BigDecimal credited, BigDecimal missing, boolean met) {
        static RequirementView of(TeacherStatus.RequirementStatus line) {
            return new RequirementView(line.code(), line.label(), line.ruleId(),
                    line.category() == null ? null : line.category().name(), line.period().name(), line.required(),
                    line.credited(), line.missing(), line.met());
        }

        static RequirementView of(ResultLine line) {
            return new RequirementView(line.code(), line.label(), line.ruleId(),
                    line.category() == null ? null : line.category().name(), line.period().name(), line.required(),
                    line.credited(), line.missing(), line.met());
        }
    }

    record YearView(boolean registered, LocalDate asOf, BigDecimal yearTotal, boolean met,
                    List<RequirementView> requirements) {
    }

    record ItemView(Long entryId, LocalDate date, String title, String category, BigDecimal hours,
                    String sourceType, String evidenceNumber, List<String> evidenceFiles, List<String> attachedFiles,
                    boolean evidenceComplete) {
        static ItemView of(CardItem item) {
            return new ItemView(item.ledgerEntryId(), item.entryDate(), item.title(), item.category().name(),
                    item.hours(), item.sourceType().name(), item.evidenceNumber(), item.evidenceFiles(),
                    item.attachedFiles(), item.evidenceComplete());
        }
    }

    /**
     * {@code status} is what our record keeps (OPEN, or how the registration ended); while it is
     * open, {@code openSteps} and {@code statusLabel} say where it is, as the model has it.
     */
    record RegistrationView(Long id, Long teacherId, String teacherName, String staffNumber, Long schoolId, int year,
                            String profileCode, boolean promotionCandidate, AnnualCalendar.Dates deadlines,
                            boolean late, LocalDate lateOn, String lateReason, Long batchId, String submittedBy, RegistrationStatus status, String statusLabel,
                            List<OpenStepView> openSteps, int cardVersion, List<ItemView> card, boolean evidenceComplete, YearView yearStatus,
                            List<TaskView> openTasks, String schoolGroup, String authorityGroup,
                            String outcomeReason, Instant createdAt, Instant publishedAt, List<EventView> history) {
    }

    /**
     * {@code registrations}: the batch's registrations by what their records keep (OPEN, or how
     * they ended); {@code openSteps}: the steps the open ones wait at, as the model names them.
     */
    record BatchView(Long id, Long schoolId, int year, String declaredBy, Instant createdAt, boolean finished,
                     int teachers, Map<BatchItem.Outcome, Long> items, Map<RegistrationStatus, Long> registrations,
                     List<BatchStepView> openSteps, List<BatchItemView> teacherItems) {
    }

    /** A step open registrations of the batch wait at, and how many. */
    record BatchStepView(String key, String name, CaseTask.Kind kind, StepLevel level, String levelLabel,
                         long registrations) {
        static BatchStepView of(RegistrationProgress.StepCount count) {
            CaseProgress.OpenStep step = count.step();
            return new BatchStepView(step.key(), step.name(), step.kind(), step.level(), step.level().label(),
                    count.registrations());
        }
    }

    record BatchItemView(Long teacherId, BatchItem.Outcome outcome, String outcomeLabel, Long registrationId,
                         String reason) {
    }

    @PostMapping("/api/annual-registrations")
    @Transactional
    ResponseEntity<RegistrationView> submit(@RequestBody SubmitRequest request) {
        AnnualRegistration registration = registrations.submit(accounts.require(), request.year(),
                Boolean.TRUE.equals(request.promotionCandidate()), request.attachments(), request.lateReason());
        return ResponseEntity.created(URI.create("/api/annual-registrations/" + registration.getId()))
                .body(view(registration));
    }

    @GetMapping("/api/annual-registrations/{id}")
    @Transactional(readOnly = true)
    RegistrationView show(@PathVariable Long id) {
        return view(registrations.requireVisibleTo(id, accounts.require()));
    }

    @PostMapping("/api/annual-registrations/{id}/amendments")
    @Transactional
    RegistrationView amend(@PathVariable Long id, @RequestBody AmendRequest request) {
        return view(registrations.amend(id, accounts.require(), request.attachments()));
    }

    /** Not transactional: every teacher of the batch is started in a transaction of its own. */
    @PostMapping("/api/annual-batches")
    ResponseEntity<BatchView> declare(@RequestBody DeclareRequest request) {
        AnnualBatches.Progress progress = batches.declare(accounts.require(), request.schoolId(), request.year(),
                request.promotionCandidateIds(), request.lateReason());
        return ResponseEntity.created(URI.create("/api/annual-batches/" + progress.batch().getId()))
                .body(view(progress));
    }

    @GetMapping("/api/annual-batches/{id}")
    @Transactional(readOnly = true)
    BatchView progress(@PathVariable Long id) {
        return view(batches.progressVisibleTo(id, accounts.require()));
    }

    private BatchView view(AnnualBatches.Progress progress) {
        AnnualBatch batch = progress.batch();
        List<BatchItemView> items = batches.items(batch.getId()).stream().map(item -> new BatchItemView(
                item.teacherId(), item.outcome(), item.outcome().label(), item.registrationId(), item.reason()))
                .toList();
        return new BatchView(batch.getId(), batch.schoolId(), batch.year(), batch.declaredBy(), batch.createdAt(),
                progress.finished(), progress.teachers(), progress.items(), progress.registrations(),
                caseProgress.stepCounts(registrations.ofBatch(batch.getId())).stream().map(BatchStepView::of).toList(),
                items);
    }

    private RegistrationView view(AnnualRegistration r) {
        Teacher teacher = teachers.require(r.teacherId());
        List<CardItem> card = registrations.currentCard(r);
        YearView year;
        if (r.resultMet() != null) {
            year = new YearView(true, r.resultAsOf(), r.resultYearTotal(), r.resultMet(),
                    registrations.result(r).stream().map(RequirementView::of).toList());
        } else {
            TeacherStatus status = registrations.yearStatus(r);
            year = new YearView(false, status.date(), status.yearTotal(),
                    AnnualRegistrations.yearMet(status.requirements()),
                    status.requirements().stream().map(RequirementView::of).toList());
        }
        String caseId = String.valueOf(r.getId());
        List<CaseTask> open = caseProgress.openTasks(r.getId());
        CaseProgress steps = CaseProgress.of(open);
        return new RegistrationView(r.getId(), r.teacherId(), teacher.name(), teacher.staffNumber(), r.schoolId(),
                r.year(), r.profileCode(), r.promotionCandidate(), registrations.datesOf(r), r.late(), r.lateOn(),
                r.lateReason(), r.batchId(),
                r.submittedBy(), r.status(), steps.statusLabel(r.status()), OpenStepView.of(steps), r.cardVersion(),
                card.stream().map(ItemView::of).toList(), card.stream().allMatch(CardItem::evidenceComplete), year,
                open.stream().map(TaskView::of).toList(),
                r.schoolGroup(), r.authorityGroup(), r.outcomeReason(), r.createdAt(), r.publishedAt(),
                history.of(AnnualRegistrations.PROCESS_KEY, caseId).stream().map(EventView::of).toList());
    }
}
