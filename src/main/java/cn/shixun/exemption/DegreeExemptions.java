package cn.shixun.exemption;

import cn.shixun.exemption.process.DegreeExemptionProcess;
import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.ledger.SourceType;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseCredits;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.tasks.ReviewRouting;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The degree-exemption procedure: a teacher applies with the diploma, the school and then
 * the registration authority review, and the approved degree is registered in the ledger
 * as the cycle's exemption. Every refusal happens before anything is written. Reviews
 * are decided through the casework ({@link CaseTasks}), which records who decided what and
 * when and tells {@code process.DegreeExemptionCaseHandler}; this service records the
 * application, the replaced evidence of an amendment and the ledger step in the same history.
 *
 * <p>Ten collaborators, above the house's eight: they are the procedure's own steps (record,
 * process, history, casework, routing, scope, audit) and the teacher it is about; the diploma's
 * checks ({@link DiplomaChecks}) and the crediting ({@code tasks.CaseCredits}) are already apart.
 */
@Service
@Transactional(readOnly = true)
public class DegreeExemptions {

    static final String PROCESS = DegreeExemptionProcess.PROCESS_ID;
    private static final String CREDIT_STEP = "登记免修学时";
    private static final Logger log = LoggerFactory.getLogger(DegreeExemptions.class);

    private final DegreeExemptionRepository repository;
    private final CaseHistory history;
    private final CaseTasks cases;
    private final DegreeExemptionProcess process;
    private final Teachers teachers;
    private final ReviewRouting routing;
    private final DiplomaChecks checks;
    private final CaseCredits credits;
    private final AccessScope scope;
    private final ApplicationEventPublisher audit;

    DegreeExemptions(DegreeExemptionRepository repository, CaseHistory history, CaseTasks cases,
                     DegreeExemptionProcess process, Teachers teachers,
                     ReviewRouting routing, DiplomaChecks checks, CaseCredits credits, AccessScope scope,
                     ApplicationEventPublisher audit) {
        this.repository = repository;
        this.history = history;
        this.cases = cases;
        this.process = process;
        this.teachers = teachers;
        this.routing = routing;
        this.checks = checks;
        this.credits = credits;
        this.scope = scope;
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
        checks.require(teacher, diploma, null);
        CandidateGroup school = routing.schoolReview(teacher.schoolId());
        CandidateGroup authority = routing.authorityReview(teacher.schoolId());
        Instant now = Instant.now();
        DegreeExemption exemption = repository.saveAndFlush(new DegreeExemption(teacherId, teacher.schoolId(), applicant,
                diploma, school.id(), authority.id(), now));
        exemption.startedAs(process.start(exemption.getId()));
        history.record(PROCESS, caseId(exemption.getId()), null, "提交申请", CaseOutcome.SUBMITTED, null, applicant);
        audit(exemption, "exemption.apply", "教师 " + teacher.staffNumber() + " 申请学历免修，证书编号 "
                + diploma.certificateNumber().strip());
        log.info("Degree exemption {} applied for teacher {} by {}, routed to {} then {}", exemption.getId(), teacherId,
                applicant, school.id(), authority.id());
        return exemption;
    }

    /**
     * The applicant resubmits a returned application with corrected evidence: the evidence is
     * checked and replaced, then the amendment task is completed through the casework, which
     * records the resubmission and sends the application back to the school.
     */
    @Transactional
    public DegreeExemption amend(Long id, CurrentAccount account, Diploma diploma) {
        DegreeExemption exemption = require(id);
        CaseTask task = openTask(id).filter(open -> open.kind() == CaseTask.Kind.SUBMISSION)
                .orElseThrow(() -> BusinessRuleException.conflict("R-30", "id", "exemption.not-returned", id));
        cases.requireWorkable(task.id(), account);
        checks.require(teachers.requireRegistrable(exemption.teacherId()), diploma, exemption.getId());
        // the replaced evidence stays readable in the history.
        history.record(PROCESS, caseId(id), task.taskKey(), "更换申请材料", CaseOutcome.SUBMITTED,
                "原材料：" + summary(exemption.diploma()), account.username());
        exemption.takeEvidence(diploma);
        audit(exemption, "exemption.amend", "重新提交，证书编号 " + diploma.certificateNumber().strip());
        cases.submit(task.id(), account);
        return exemption;
    }

    /**
     * The casework: a review of the application was decided. A rejection ends the application;
     * after any other decision the model says which step comes next, so nothing here names one.
     */
    @Transactional
    public void decided(Long id, Decision decision, String comment) {
        DegreeExemption exemption = require(id);
        if (decision == Decision.REJECT) {
            exemption.closed(ExemptionStatus.REJECTED, comment, Instant.now());
        } else {
            exemption.stepDone(Instant.now());
        }
    }

    /** The casework: the applicant's amendment was sent on ({@link #amend} took its evidence first). */
    @Transactional
    public void submitted(Long id) {
        require(id).stepDone(Instant.now());
    }

    /**
     * Registers the approved degree in the ledger: the hours come from the teacher's
     * profile. Credited once, or the refusal recorded and the application closed ({@link CaseCredits}).
     */
    @Transactional(noRollbackFor = BusinessRuleException.class)
    public LedgerEntry credit(Long id) {
        DegreeExemption exemption = require(id);
        Instant now = Instant.now();
        // Decided by whoever approved last: the model says which review is the last one.
        return credits.creditCase(credits.step(PROCESS, caseId(id), DegreeExemptionProcess.CREDIT_HOURS, CREDIT_STEP),
                new CaseCredits.Credit(exemption.teacherId(), claim(exemption.diploma()),
                        evidence(PROCESS + "/" + id, exemption.diploma())),
                entry -> exemption.exempted(entry.getId(), now),
                reason -> exemption.closed(ExemptionStatus.CREDIT_REFUSED, reason, now));
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
                || routing.groupOf(account).map(CandidateGroup::id).filter(group -> group.equals(exemption.authorityGroup())).isPresent();
        if (!visible) {
            throw BusinessRuleException.notFound("id", "exemption.not-found", id);
        }
        return exemption;
    }

    /** The teacher's applications, newest first. */
    public List<DegreeExemption> ofTeacher(Long teacherId) {
        return repository.findByTeacherIdOrderByLifecycleCreatedAtDescIdDesc(teacherId);
    }

    /** The application's history: application, decisions, resubmissions, deadlines, ledger step. */
    public List<CaseEvent> history(Long id) {
        return history.of(PROCESS, caseId(id));
    }

    /** Where an open application stands, from its process: the steps open now. */
    public CaseProgress progress(Long id) {
        return CaseProgress.of(openTasks(id));
    }

    /** The application's open user tasks, oldest first: one read for what a page or view shows of them. */
    public List<CaseTask> openTasks(Long id) {
        return cases.openTasks(PROCESS, caseId(id));
    }

    /** The application's open user task, if any. */
    public Optional<CaseTask> openTask(Long id) {
        return cases.openTask(PROCESS, caseId(id));
    }

    /** One line for a reviewer's worklist: who applies with which degree. */
    public String summary(Long id) {
        DegreeExemption exemption = require(id);
        String teacher = teachers.find(exemption.teacherId()).map(Teacher::name).orElse("");
        Diploma d = exemption.diploma();
        return teacher + "：" + d.institution() + " " + d.major() + "（" + d.degreeLevel().label() + "）";
    }

    static String caseId(Long id) {
        return String.valueOf(id);
    }


    private void audit(DegreeExemption exemption, String action, String detail) {
        audit.publishEvent(new AuditedAction(action, DegreeExemptionProcess.PROCESS_ID, String.valueOf(exemption.getId()),
                detail, exemption.schoolId()));
    }
    private static Claim claim(Diploma diploma) {
        // The level is in the title: the calculator does not read it for a degree obtained (ClaimFields).
        return Claim.of(ClaimKind.DEGREE_OBTAINED, diploma.studyEnd()).from(diploma.studyStart())
                .subjectRelated(diploma.educationRelated())
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
