package cn.shixun.schoolclass;

import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.SourceType;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.schoolclass.process.SchoolClassProcess;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseCredits;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teachers;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the process's steps do to a school-based class: the casework's decisions and
 * submissions, the study-end timer, and the crediting of the learners' hours at the end. What the
 * school submits at each step is {@link SchoolClasses}.
 */
@Service
@Transactional(readOnly = true)
public class SchoolClassCasework {

    private static final Logger log = LoggerFactory.getLogger(SchoolClassCasework.class);

    private final SchoolClasses classes;
    private final ClassLearnerRepository learners;
    private final CaseHistory history;
    private final CaseCredits credits;
    private final Teachers teachers;

    SchoolClassCasework(SchoolClasses classes, ClassLearnerRepository learners, CaseHistory history,
                        CaseCredits credits, Teachers teachers) {
        this.classes = classes;
        this.learners = learners;
        this.history = history;
        this.credits = credits;
        this.teachers = teachers;
    }

    /**
     * Credits the course's hours to every learner who passed, 125% for the excellent
     * within the profile's caps. Each learner is registered in a transaction of its
     * own: one refusal (a teacher who left post, a profile that does not count school-based
     * study) is recorded for that learner and does not hold back the others. A retry finds the
     * entries already written.
     */
    @Transactional
    public void credit(Long id) {
        SchoolClass schoolClass = classes.require(id);
        List<ClassLearner> enrolled = learners.findByClassIdOrderByIdAsc(id);
        int classSize = enrolled.size();
        int excellentCount = (int) enrolled.stream().filter(learner -> learner.grade() == Grade.EXCELLENT).count();
        String sourceRef = SchoolClassProcess.PROCESS_ID + "/" + id;
        CaseCredits.Step step = credits.step(SchoolClassProcess.PROCESS_ID, String.valueOf(schoolClass.getId()), null,
                "按课程设置登记学时");
        int credited = 0;
        int refused = 0;
        for (ClassLearner learner : enrolled) {
            if (learner.grade() == null || !learner.grade().earnsHours() || learner.ledgerEntryId() != null) {
                credited += learner.ledgerEntryId() != null ? 1 : 0;
                continue;
            }
            boolean registered = credits.creditEach(step, new CaseCredits.Credit(learner.teacherId(),
                            claim(schoolClass, learner.grade(), excellentCount, classSize),
                            evidence(sourceRef, schoolClass, learner)),
                    () -> teachers.require(learner.teacherId()).name() + "：",
                    entry -> learner.credited(entry.getId()), learner::refused).isPresent();
            if (registered) {
                credited++;
            } else {
                refused++;
            }
        }
        history.record(SchoolClassProcess.PROCESS_ID, String.valueOf(schoolClass.getId()), null, "按课程设置登记学时",
                CaseOutcome.COMPLETED, "已为 " + credited + " 名学员登记学时" + (refused > 0 ? "，" + refused + " 名未能登记" : ""),
                CaseHistory.SYSTEM);
        schoolClass.moveTo(SchoolClassStatus.CREDITED, Instant.now());
        log.info("School-based class {}: {} learners credited, {} refused", id, credited, refused);
    }


    /**
     * The casework: a review of the class was decided. A rejection ends the class, with its reason
     * after any other decision the model says which step comes next, so nothing here names one.
     */
    @Transactional
    public void decided(Long id, Decision decision, String comment) {
        SchoolClass schoolClass = classes.require(id);
        if (decision == Decision.REJECT) {
            schoolClass.rejected(comment, Instant.now());
        } else {
            schoolClass.stepDone(Instant.now());
        }
    }

    /**
     * The casework: a submission step was completed, whichever way (Tasklist too). The steps whose
     * data this procedure takes on its own pages must have it by then.
     */
    @Transactional
    public void submitted(Long id, String taskKey) {
        requireSubmitted(id, taskKey);
        classes.require(id).stepDone(Instant.now());
    }

    /**
     * The study-end timer opened grading: no decision or submission did, so the record notes the
     * change here (its "last changed" time); the step itself is read from the process.
     */
    @Transactional
    public void gradingOpened(Long id) {
        classes.require(id).stepDone(Instant.now());
    }


    private void requireSubmitted(Long id, String taskKey) {
        SchoolClass schoolClass = classes.require(id);
        boolean ready = switch (taskKey) {
            case SchoolClassProcess.PLAN_CLASS -> schoolClass.plan() != null;
            case SchoolClassProcess.ENROL -> !learners.findByClassIdOrderByIdAsc(id).isEmpty();
            case SchoolClassProcess.GRADE -> learners.findByClassIdOrderByIdAsc(id).stream()
                    .allMatch(learner -> learner.grade() != null);
            default -> true;
        };
        if (!ready) {
            throw BusinessRuleException.conflict("R-35", "id", "schoolclass.submit-through-shixun", id);
        }
    }


    private static Claim claim(SchoolClass schoolClass, Grade grade, int excellentCount, int classSize) {
        ClassPlan plan = schoolClass.plan();
        Claim.Builder claim = Claim.of(ClaimKind.SCHOOL_BASED, plan.studyEnd()).from(plan.studyStart())
                .title("校本研修：" + schoolClass.course().courseName())
                .hours(schoolClass.course().designedHours().toPlainString());
        if (grade == Grade.EXCELLENT) {
            claim.excellent(excellentCount, classSize);
        }
        return claim.build();
    }

    private static Evidence evidence(String sourceRef, SchoolClass schoolClass, ClassLearner learner) {
        return new Evidence(SourceType.PROJECT, sourceRef, "SBC-" + schoolClass.getId() + "-" + learner.teacherId(),
                List.of(schoolClass.course().designFile()));
    }
}
