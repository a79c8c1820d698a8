package cn.shixun.schoolclass.process;

import cn.shixun.schoolclass.SchoolClasses;
import cn.shixun.tasks.CaseKey;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code UserTask_Grade} on create: the class's record notes that grading opened. The study-end
 * timer opens the step without any decision, so no case handler call would.
 */
@Component("schoolClassGradingListener")
class SchoolClassGradingListener implements TaskListener {

    private final SchoolClasses classes;

    SchoolClassGradingListener(SchoolClasses classes) {
        this.classes = classes;
    }

    @Override
    public void notify(DelegateTask task) {
        classes.gradingOpened(CaseKey.of(task.getExecution()));
    }
}
