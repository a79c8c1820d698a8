package cn.shixun.schoolclass.process;

import cn.shixun.schoolclass.SchoolClasses;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_CreditHours}: credits the learners who passed; per-learner refusals are recorded, not thrown. */
@Component("creditSchoolClassHoursDelegate")
class CreditSchoolClassHoursDelegate implements JavaDelegate {

    private final SchoolClasses classes;

    CreditSchoolClassHoursDelegate(SchoolClasses classes) {
        this.classes = classes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        classes.credit(SchoolClassProcess.classId(execution));
    }
}
