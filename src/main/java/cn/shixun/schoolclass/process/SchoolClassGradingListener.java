package cn.shixun.schoolclass.process;

import cn.shixun.schoolclass.SchoolClassCasework;
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

    private final SchoolClassCasework casework;

    SchoolClassGradingListener(SchoolClassCasework casework) {
        this.casework = casework;
    }

    @Override
    public void notify(DelegateTask task) {
        casework.gradingOpened(CaseKey.of(task.getExecution()));
    }
}
