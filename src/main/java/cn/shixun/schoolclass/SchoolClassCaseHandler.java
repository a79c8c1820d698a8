package cn.shixun.schoolclass;

import cn.shixun.schoolclass.process.SchoolClassProcess;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseHandler;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.Decision;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Moves a school-based class's status on as the casework completes its steps. */
@Component
class SchoolClassCaseHandler implements CaseHandler {

    static final String PAGE_PREFIX = "/school-classes/";

    private final SchoolClasses classes;

    SchoolClassCaseHandler(SchoolClasses classes) {
        this.classes = classes;
    }

    @Override
    public String processKey() {
        return SchoolClassProcess.PROCESS_ID;
    }

    @Override
    public void decided(CaseTask task, Decision decision, String comment, String actor) {
        Long id = Long.valueOf(task.caseId());
        switch (decision) {
            case REJECT -> classes.reject(id, comment);
            case RETURN -> classes.moveTo(id, returnedFrom(task));
            case APPROVE -> classes.moveTo(id, approvedAt(task));
        }
    }

    private static SchoolClassStatus returnedFrom(CaseTask task) {
        return switch (task.taskKey()) {
            case SchoolClassProcess.SCHOOL_COURSE_REVIEW, SchoolClassProcess.COUNTY_COURSE_REVIEW ->
                    SchoolClassStatus.COURSE_RETURNED;
            case SchoolClassProcess.OPENING_REVIEW -> SchoolClassStatus.CLASS_PLANNING;
            case SchoolClassProcess.ENROLMENT_REVIEW -> SchoolClassStatus.ENROLLING;
            default -> SchoolClassStatus.GRADING;
        };
    }

    private static SchoolClassStatus approvedAt(CaseTask task) {
        return switch (task.taskKey()) {
            case SchoolClassProcess.SCHOOL_COURSE_REVIEW -> SchoolClassStatus.COURSE_COUNTY_REVIEW;
            case SchoolClassProcess.COUNTY_COURSE_REVIEW -> SchoolClassStatus.CLASS_PLANNING;
            case SchoolClassProcess.OPENING_REVIEW -> SchoolClassStatus.ENROLLING;
            case SchoolClassProcess.ENROLMENT_REVIEW -> SchoolClassStatus.IN_TRAINING;
            case SchoolClassProcess.SCHOOL_GRADE_REVIEW -> SchoolClassStatus.GRADES_COUNTY_REVIEW;
            case SchoolClassProcess.COUNTY_GRADE_REVIEW -> SchoolClassStatus.CREDITING;
            default -> throw BusinessRuleException.conflict("R-35", "taskId", "schoolclass.step-not-open", task.name());
        };
    }

    @Override
    public void submitted(CaseTask task, String actor) {
        Long id = Long.valueOf(task.caseId());
        classes.requireSubmitted(id, task.taskKey());
        classes.moveTo(id, switch (task.taskKey()) {
            case SchoolClassProcess.AMEND_COURSE -> SchoolClassStatus.COURSE_SCHOOL_REVIEW;
            case SchoolClassProcess.PLAN_CLASS -> SchoolClassStatus.OPENING_REVIEW;
            case SchoolClassProcess.ENROL -> SchoolClassStatus.ENROLMENT_REVIEW;
            default -> SchoolClassStatus.GRADES_SCHOOL_REVIEW;
        });
    }

    /** The class's school: its administrators and registration authority review. */
    @Override
    public Optional<Long> organisationId(String caseId) {
        return Optional.of(classes.require(Long.valueOf(caseId)).schoolId());
    }

    @Override
    public String summary(String caseId) {
        return classes.summary(Long.valueOf(caseId));
    }

    /** The school works its submission steps on the class's own page (cn.shixun.schoolclass.web.SchoolClassPages). */
    @Override
    public Optional<String> casePage(String caseId) {
        return Optional.of(PAGE_PREFIX + caseId);
    }
}
