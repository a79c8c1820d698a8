package cn.shixun.schoolclass.process;

import cn.shixun.schoolclass.SchoolClass;
import cn.shixun.schoolclass.SchoolClassCasework;
import cn.shixun.schoolclass.SchoolClasses;
import cn.shixun.security.CandidateGroup;
import cn.shixun.tasks.CaseApprovals;
import cn.shixun.tasks.CaseKey;
import cn.shixun.tasks.CaseStep;
import cn.shixun.tasks.ReviewRouting;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_CreditHours}: credits the learners who passed; per-learner refusals are recorded, not thrown.
 * First our records must allow it: every review of the course, the opening, the learners and
 * the grades approved by the school's administrators and its registration authority, each since what it
 * reviews was last submitted.
 */
@Component("creditSchoolClassHoursDelegate")
class CreditSchoolClassHoursDelegate implements JavaDelegate {

    private final SchoolClasses classes;
    private final SchoolClassCasework casework;
    private final CaseApprovals approvals;
    private final ReviewRouting routing;

    CreditSchoolClassHoursDelegate(SchoolClasses classes, SchoolClassCasework casework, CaseApprovals approvals,
                                   ReviewRouting routing) {
        this.classes = classes;
        this.casework = casework;
        this.approvals = approvals;
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SchoolClass schoolClass = classes.require(CaseKey.of(execution));
        CandidateGroup school = routing.schoolReview(schoolClass.schoolId());
        CandidateGroup authority = routing.authorityReview(schoolClass.schoolId());
        approvals.require(CaseStep.of(SchoolClassProcess.PROCESS_ID, String.valueOf(schoolClass.getId()), "按课程设置登记学时")
                .runBy(schoolClass.processInstanceId(), execution)
                .inStatus(schoolClass.status().isOpen(), schoolClass.status().label())
                .approved(SchoolClassProcess.SCHOOL_COURSE_REVIEW, "学校审核课程", school,
                        CaseStep.START, SchoolClassProcess.AMEND_COURSE)
                .approved(SchoolClassProcess.COUNTY_COURSE_REVIEW, "县级审核课程", authority,
                        CaseStep.START, SchoolClassProcess.AMEND_COURSE)
                .approved(SchoolClassProcess.OPENING_REVIEW, "开班审核", authority, SchoolClassProcess.PLAN_CLASS)
                .approved(SchoolClassProcess.ENROLMENT_REVIEW, "学员审核", authority, SchoolClassProcess.ENROL)
                .approved(SchoolClassProcess.SCHOOL_GRADE_REVIEW, "学校学时评定审核", school, SchoolClassProcess.GRADE)
                .approved(SchoolClassProcess.COUNTY_GRADE_REVIEW, "县级学时审核", authority, SchoolClassProcess.GRADE));
        casework.credit(schoolClass.getId());
    }
}
