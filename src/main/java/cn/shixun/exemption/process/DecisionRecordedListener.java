package cn.shixun.exemption.process;

import cn.shixun.exemption.DegreeExemptions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing a user task of {@code degreeExemption} needs its decision recorded by the domain first. */
@Component("decisionRecordedListener")
class DecisionRecordedListener implements TaskListener {

    private final DegreeExemptions exemptions;

    DecisionRecordedListener(DegreeExemptions exemptions) {
        this.exemptions = exemptions;
    }

    @Override
    public void notify(DelegateTask task) {
        exemptions.requireRecorded(DegreeExemptionVariables.exemptionId(task), task.getTaskDefinitionKey());
    }
}
