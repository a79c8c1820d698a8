package cn.shixun.schoolclass.process;

import cn.shixun.schoolclass.ClassPlan;
import cn.shixun.schoolclass.SchoolClasses;
import cn.shixun.tasks.CaseKey;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${schoolClassSchedule.studyEnded(execution)}}: the timer before grading fires at the
 * start of the day after the class's study end (Beijing time), read from the class record so
 * that the date lives in one place.
 */
@Component("schoolClassSchedule")
public class SchoolClassSchedule {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final SchoolClasses classes;

    SchoolClassSchedule(SchoolClasses classes) {
        this.classes = classes;
    }

    public Date studyEnded(DelegateExecution execution) {
        ClassPlan plan = classes.require(CaseKey.of(execution)).plan();
        return Date.from(plan.studyEnd().plusDays(1).atStartOfDay(BEIJING).toInstant());
    }
}
