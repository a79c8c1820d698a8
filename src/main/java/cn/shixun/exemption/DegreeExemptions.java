package cn.shixun.exemption;

import cn.shixun.shared.BusinessDate;
import cn.shixun.exemption.ExemptionEvent.Outcome;
import cn.shixun.exemption.process.DegreeExemptionProcess;
import cn.shixun.exemption.process.DegreeExemptionProcess.OpenTask;
import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.ledger.SourceType;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.CreditRule;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.policy.PolicyDecisions;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.ReviewRouting;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The degree-exemption procedure: a teacher applies with the diploma, the school and then
 * the registration authority review, and the approved degree is registered in the ledger
 * as the cycle's exemption. Every refusal happens before anything is written; every
 * step leaves an event with who and when.
 */
@Service
@Transactional(readOnly = true)
public class DegreeExemptions {

    static final String SYSTEM_ACTOR = "system";
    private static final int MAX_TEXT = 200;
    private static final int MAX_COMMENT = 1000;
    private static final Logger log = LoggerFactory.getLogger(DegreeExemptions.class);

    private final DegreeExemptionRepository repository;
    private final ExemptionEventRepository events;
    private final DegreeExemptionProcess process;
    private final Teachers teachers;
    private final Organisations organisations;
    private final ReviewRouting routing;
    private final PolicyProfiles profiles;
    private final PolicyDecisions decisions;
    private final Ledger ledger;
    private final AccessScope scope;
    private final MessageSource messages;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher audit;

    DegreeExemptions(DegreeExemptionRepository repository, ExemptionEventRepository events,
                     DegreeExemptionProcess process, Teachers teachers, Organisations organisations,
                     ReviewRouting routing, PolicyProfiles profiles, PolicyDecisions decisions, Ledger ledger,
                     AccessScope scope, MessageSource messages, PlatformTransactionManager transactionManager,
                     ApplicationEventPublisher audit) {
        this.repository = repository;
        this.events = events;
        this.process = process;
        this.teachers = teachers;
        this.organisations = organisations;
        this.routing = routing;
        this.profiles = profiles;
        this.decisions = decisions;
        this.ledger = ledger;
        this.scope = scope;
        this.messages = messages;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.audit = audit;
    }

    /** The teacher of {@code account} applies; starts {@code degreeExemption} at the school's review. */
    @Transactional
    public DegreeExemption apply(CurrentAccount account, Diploma diploma) {
        if (!account.isTeacher() || account.teacherId() == null) {
            throw BusinessRuleException.forbidden("R-30", "teacherId", "exemption.only-teachers-apply");
        }
        return apply(account.teacherId(), account.username(), diploma);
    }

    /** Applies for the teacher; {@code applicant} is the username the amendment task goes to. */
    @Transactional
    public DegreeExemption apply(Long teacherId, String applicant, Diploma diploma) {
        if (teacherId == null || teachers.find(teacherId).isEmpty()) {
            throw BusinessRuleException.notFound("teacherId", "exemption.teacher-not-found", teacherId);
        }
        Teacher teacher = teachers.requireRegistrable(teacherId);
        checkDiploma(teacher, diploma, null);
        CandidateGroup school = routing.schoolReview(teacher.schoolId());
        CandidateGroup authority = routing.authorityReview(teacher.schoolId());
        Instant now = Instant.now();
        DegreeExemption exemption = repository.saveAndFlush(new DegreeExemption(teacherId, teacher.schoolId(), applicant,
                diploma, school.id(), authority.id(), now));
        exemption.startedAs(process.start(exemption.getId(), applicant, school.id(), authority.id()));
        record(exemption, ExemptionStep.APPLICATION, Outcome.SUBMITTED, null, applicant, now);
        audit(exemption, "exemption.apply", "教师 " + teacher.staffNumber() + " 申请学历免修，证书编号 "
                + diploma.certificateNumber().strip());
        log.info("Degree exemption {} applied for teacher {} by {}, routed to {} then {}", exemption.getId(), teacherId,
                applicant, school.id(), authority.id());
        return exemption;
    }

    /** A reviewer's decision on the application's open review task. */
    @Transactional
    public DegreeExemption decide(Long id, String username, Decision decision, String comment) {
        return decide(id, username, decision, comment, null);
    }

    /**
     * The same, for a reviewer who saw the application at step {@code expected}: if that step was
     * decided meanwhile (by someone else, on another node), 409 instead of acting on the next step.
     */
    @Transactional
    public DegreeExemption decide(Long id, String username, Decision decision, String comment, ExemptionStep expected) {
        DegreeExemption exemption = require(id);
        if (decision == null) {
            throw BusinessRuleException.violation(null, "outcome", "exemption.decision-required");
        }
        OpenTask task = openTaskFor(exemption, "exemption.no-review-open");
        ExemptionStep step = switch (task.key()) {
            case DegreeExemptionProcess.SCHOOL_REVIEW -> ExemptionStep.SCHOOL_REVIEW;
            case DegreeExemptionProcess.AUTHORITY_REVIEW -> ExemptionStep.AUTHORITY_REVIEW;
            default -> throw BusinessRuleException.conflict("R-30", "id", "exemption.no-review-open", id);
        };
        if (expected != null && expected != step) {
            throw BusinessRuleException.conflict("R-30", "step", "exemption.step-already-decided", id, expected.label(),
                    step.label());
        }
        requireMayWorkOn(task, username);
        String text = comment(comment, decision != Decision.APPROVE);
        Instant now = Instant.now();
        record(exemption, step, Outcome.of(decision), text, username, now);
        switch (decision) {
            case APPROVE -> exemption.moveTo(step == ExemptionStep.SCHOOL_REVIEW
                    ? ExemptionStatus.AUTHORITY_REVIEW : ExemptionStatus.CREDITING, now);
            case RETURN -> exemption.moveTo(ExemptionStatus.RETURNED, now);
            case REJECT -> exemption.closed(ExemptionStatus.REJECTED, text, now);
        }
        process.decide(task, decision);
        audit(exemption, "exemption.decide", step.label() + "：" + decision.label() + (text == null ? "" : "，意见：" + text));
        log.info("Degree exemption {}: {} decided {} at {}", id, username, decision, step);
        return exemption;
    }

    /** The applicant resubmits a returned application with corrected evidence; it goes back to the school. */
    @Transactional
    public DegreeExemption amend(Long id, String username, Diploma diploma) {
        DegreeExemption exemption = require(id);
        OpenTask task = openTaskFor(exemption, "exemption.not-returned");
        if (!DegreeExemptionProcess.AMEND.equals(task.key())) {
            throw BusinessRuleException.conflict("R-30", "id", "exemption.not-returned", id);
        }
        requireMayWorkOn(task, username);
        checkDiploma(teachers.requireRegistrable(exemption.teacherId()), diploma, exemption.getId());
        Instant now = Instant.now();
        // the replaced evidence stays readable in the history.
        record(exemption, ExemptionStep.AMENDMENT, Outcome.RESUBMITTED, "原材料：" + summary(exemption.diploma()),
                username, now);
        exemption.takeEvidence(diploma);
        exemption.moveTo(ExemptionStatus.SCHOOL_REVIEW, now);
        process.resubmit(task);
        audit(exemption, "exemption.amend", "重新提交，证书编号 " + diploma.certificateNumber().strip());
        return exemption;
    }

    /**
     * Registers the approved degree in the ledger: the hours come from the teacher's
     * profile. The ledger writes in a transaction of its own so that a refusal, recorded here,
     * does not undo the process step that handles it; a retry finds an entry already written.
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public LedgerEntry credit(Long id) {
        DegreeExemption exemption = require(id);
        String sourceRef = DegreeExemptionProcess.PROCESS_ID + "/" + id;
        Optional<LedgerEntry> earlier = ledger.entriesOf(exemption.teacherId()).stream()
                .filter(entry -> sourceRef.equals(entry.sourceRef()) && entry.reversesEntryId() == null).findFirst();
        Instant now = Instant.now();
        LedgerEntry entry;
        try {
            entry = earlier.orElseGet(() -> ownTransaction.execute(status -> ledger.register(exemption.teacherId(),
                    claim(exemption.diploma()), evidence(sourceRef, exemption.diploma()), approver(exemption))));
        } catch (BusinessRuleException refusal) {
            String reason = messages.getMessage(refusal.messageKey(), refusal.messageArgs(), refusal.messageKey(),
                    Locale.SIMPLIFIED_CHINESE) + (refusal.ruleId() == null ? "" : "（" + refusal.ruleId() + "）");
            record(exemption, ExemptionStep.CREDIT, Outcome.REFUSED, reason, SYSTEM_ACTOR, now);
            exemption.closed(ExemptionStatus.CREDIT_REFUSED, reason, now);
            log.warn("Degree exemption {} approved but refused by the ledger: {}", id, refusal.getMessage());
            throw refusal;
        }
        record(exemption, ExemptionStep.CREDIT, Outcome.REGISTERED, entry.explanation(), SYSTEM_ACTOR, now);
        exemption.exempted(entry.getId(), now);
        return entry;
    }

    /** The deadline timer of the open task fired: the history shows the step as overdue. */
    @Transactional
    public void recordOverdue(Long id) {
        DegreeExemption exemption = require(id);
        ExemptionStep step = switch (exemption.status()) {
            case SCHOOL_REVIEW -> ExemptionStep.SCHOOL_REVIEW;
            case AUTHORITY_REVIEW -> ExemptionStep.AUTHORITY_REVIEW;
            case RETURNED -> ExemptionStep.AMENDMENT;
            default -> ExemptionStep.DEADLINE;
        };
        record(exemption, ExemptionStep.DEADLINE, Outcome.OVERDUE, step.label() + "超过办理期限", SYSTEM_ACTOR,
                Instant.now());
        log.info("Degree exemption {} overdue at {}", id, step);
    }

    /**
     * A user task completes only after its decision or amendment is recorded here:
     * completing it elsewhere (Tasklist) would move the process without a history line.
     */
    public void requireRecorded(Long id, String taskKey) {
        ExemptionStatus waiting = switch (taskKey) {
            case DegreeExemptionProcess.SCHOOL_REVIEW -> ExemptionStatus.SCHOOL_REVIEW;
            case DegreeExemptionProcess.AUTHORITY_REVIEW -> ExemptionStatus.AUTHORITY_REVIEW;
            default -> ExemptionStatus.RETURNED;
        };
        if (require(id).status() == waiting) {
            throw BusinessRuleException.conflict("R-40", "id", "exemption.decide-through-api", id);
        }
    }

    public DegreeExemption require(Long id) {
        return repository.findById(id)
                .orElseThrow(() -> BusinessRuleException.notFound("id", "exemption.not-found", id));
    }

    /** The application if the account may see it: the applicant, an account whose scope covers the school, or its reviewers. */
    public DegreeExemption requireVisibleTo(Long id, CurrentAccount account) {
        DegreeExemption exemption = require(id);
        boolean visible = account.username().equals(exemption.applicant())
                || (!account.isTeacher() && scope.covers(account, exemption.schoolId()))
                || groupOf(account).filter(group -> group.equals(exemption.authorityGroup())).isPresent();
        if (!visible) {
            throw BusinessRuleException.notFound("id", "exemption.not-found", id);
        }
        return exemption;
    }

    public List<ExemptionEvent> history(Long id) {
        return events.findByExemptionIdOrderByIdAsc(id);
    }

    public Optional<OpenTask> openTask(Long id) {
        return process.openTask(id);
    }

    private Optional<String> groupOf(CurrentAccount account) {
        if (account.isTeacher() || account.organisationId() == null) {
            return Optional.empty();
        }
        return organisations.find(account.organisationId())
                .map(organisation -> CandidateGroup.of(account.role(), organisation.code()).id());
    }

    private OpenTask openTaskFor(DegreeExemption exemption, String noTaskKey) {
        return process.openTask(exemption.getId())
                .orElseThrow(() -> BusinessRuleException.conflict("R-30", "id", noTaskKey, exemption.getId()));
    }

    private void requireMayWorkOn(OpenTask task, String username) {
        if (!process.mayWorkOn(task, username)) {
            throw BusinessRuleException.forbidden("R-04", "id", "exemption.not-your-task", task.name(),
                    task.candidateGroup() != null ? task.candidateGroup() : task.assignee());
        }
    }

    /** R-30 evidence, R-16 education-related, R-15 level where the profile has it, R-40 one application per diploma. */
    private void checkDiploma(Teacher teacher, Diploma diploma, Long ownId) {
        if (diploma == null) {
            throw BusinessRuleException.violation("R-30", "certificateNumber", "exemption.evidence-required");
        }
        requireText(diploma.institution(), "institution");
        if (diploma.degreeLevel() == null) {
            throw BusinessRuleException.violation("R-30", "degreeLevel", "exemption.evidence-required");
        }
        requireText(diploma.major(), "major");
        if (diploma.studyStart() == null) {
            throw BusinessRuleException.violation("R-30", "studyStart", "exemption.evidence-required");
        }
        if (diploma.studyEnd() == null) {
            throw BusinessRuleException.violation("R-30", "studyEnd", "exemption.evidence-required");
        }
        requireText(diploma.certificateNumber(), "certificateNumber");
        requireText(diploma.diplomaFile(), "diplomaFile");
        if (diploma.educationRelated() == null) {
            throw BusinessRuleException.violation("R-16", "educationRelated", "exemption.evidence-required");
        }
        if (!diploma.educationRelated()) {
            throw BusinessRuleException.violation("R-16", "educationRelated", "exemption.not-education-related");
        }
        if (!diploma.studyEnd().isAfter(diploma.studyStart())) {
            throw BusinessRuleException.violation("R-30", "studyEnd", "exemption.study-end-before-start");
        }
        if (diploma.studyEnd().isAfter(BusinessDate.today())) {
            throw BusinessRuleException.violation("R-30", "studyEnd", "exemption.study-end-in-future", diploma.studyEnd());
        }
        checkLevel(teacher, diploma);
        String number = diploma.certificateNumber().strip();
        boolean taken = repository.findByCertificateNumber(number).stream()
                .anyMatch(other -> !other.getId().equals(ownId) && !other.status().isClosedWithoutExemption());
        if (taken) {
            throw BusinessRuleException.conflict("R-40", "certificateNumber", "exemption.certificate-already-used", number);
        }
    }

    /** where the teacher's profile credits degree study (Kunming), a degree below the stage's level is refused. */
    private void checkLevel(Teacher teacher, Diploma diploma) {
        CreditRule studyRule = decisions.creditRule(profiles.forTeacher(teacher, diploma.studyEnd()).key(),
                ClaimKind.DEGREE_STUDY_YEAR, null);
        DegreeLevel needed = DegreeLevel.minimumFor(teacher.stage());
        if (!studyRule.refused() && "R-15".equals(studyRule.ruleId()) && diploma.degreeLevel().compareTo(needed) < 0) {
            throw BusinessRuleException.violation("R-15", "degreeLevel", "exemption.degree-level-too-low",
                    diploma.degreeLevel().label(), teacher.stage().label(), needed.label());
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw BusinessRuleException.violation("R-30", field, "exemption.evidence-required");
        }
        if (value.strip().length() > MAX_TEXT) {
            throw BusinessRuleException.violation("R-30", field, "exemption.text-too-long", MAX_TEXT);
        }
    }

    private static String comment(String comment, boolean required) {
        String text = comment == null ? "" : comment.strip();
        if (required && text.isEmpty()) {
            throw BusinessRuleException.violation("R-30", "comment", "exemption.comment-required");
        }
        if (text.length() > MAX_COMMENT) {
            throw BusinessRuleException.violation("R-30", "comment", "exemption.text-too-long", MAX_COMMENT);
        }
        return text.isEmpty() ? null : text;
    }

    private void record(DegreeExemption exemption, ExemptionStep step, Outcome outcome, String comment, String actor,
                        Instant at) {
        events.save(new ExemptionEvent(exemption.getId(), step, outcome, comment, actor, at));
    }

    private void audit(DegreeExemption exemption, String action, String detail) {
        audit.publishEvent(new AuditedAction(action, DegreeExemptionProcess.PROCESS_ID, String.valueOf(exemption.getId()),
                detail, exemption.schoolId()));
    }

    /** The registration authority's reviewer who approved: the ledger records them as the decider. */
    private String approver(DegreeExemption exemption) {
        return history(exemption.getId()).stream()
                .filter(e -> e.step() == ExemptionStep.AUTHORITY_REVIEW && e.outcome() == Outcome.APPROVE)
                .reduce((first, second) -> second).map(ExemptionEvent::actor).orElse(SYSTEM_ACTOR);
    }

    private static Claim claim(Diploma diploma) {
        return Claim.of(ClaimKind.DEGREE_OBTAINED, diploma.studyEnd()).from(diploma.studyStart())
                .degree(diploma.degreeLevel()).subjectRelated(diploma.educationRelated())
                .title("学历提升：" + diploma.institution() + " " + diploma.major() + "（" + diploma.degreeLevel().label() + "）")
                .build();
    }

    private static Evidence evidence(String sourceRef, Diploma diploma) {
        return new Evidence(SourceType.APPLICATION, sourceRef, diploma.certificateNumber(), List.of(diploma.diplomaFile()));
    }

    private static String summary(Diploma d) {
        return d.institution() + "，" + d.degreeLevel().label() + "，" + d.major() + "，" + d.studyStart() + "至"
                + d.studyEnd() + "，证书编号" + d.certificateNumber() + "，" + d.diplomaFile();
    }
}
