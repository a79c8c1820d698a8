package cn.shixun.schoolclass.process;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The thin layer between the school-class module and the engine: starts {@code schoolBasedClass}
 * with the class id as business key (and as the variable the forms link with); the models compute
 * their candidate groups from the class ({@code ${caseRouting…}}). No rule lives here.
 */
@Component
public class SchoolClassProcess {

    public static final String PROCESS_ID = "schoolBasedClass";
    public static final String SCHOOL_COURSE_REVIEW = "UserTask_SchoolCourseReview";
    public static final String COUNTY_COURSE_REVIEW = "UserTask_CountyCourseReview";
    public static final String AMEND_COURSE = "UserTask_AmendCourse";
    public static final String PLAN_CLASS = "UserTask_PlanClass";
    public static final String OPENING_REVIEW = "UserTask_CountyOpeningReview";
    public static final String ENROL = "UserTask_Enrol";
    public static final String ENROLMENT_REVIEW = "UserTask_CountyEnrolmentReview";
    public static final String GRADE = "UserTask_Grade";
    public static final String SCHOOL_GRADE_REVIEW = "UserTask_SchoolGradeReview";
    public static final String COUNTY_GRADE_REVIEW = "UserTask_CountyGradeReview";

    /**
     * For the Tasklist forms' link to the case page only: a completion could overwrite it, so nothing of
     * ours reads it back; the case is the business key ({@code cn.shixun.tasks.CaseKey}).
     */
    static final String CLASS_ID = "classId";

    private final RuntimeService runtime;

    SchoolClassProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts the process for a proposed course; returns the process instance id. */
    public String start(Long classId) {
        return runtime.startProcessInstanceByKey(PROCESS_ID, String.valueOf(classId), Map.of(CLASS_ID, classId)).getId();
    }
}
