package cn.shixun.exemption.process;

import cn.shixun.exemption.DegreeExemptions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The {@code ServiceTask_Escalate…} tasks after a task's deadline timer: record that the open step is overdue. */
@Component("escalationDelegate")
class EscalationDelegate implements JavaDelegate {

    private final DegreeExemptions exemptions;

    EscalationDelegate(DegreeExemptions exemptions) {
        this.exemptions = exemptions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        exemptions.recordOverdue(DegreeExemptionVariables.exemptionId(execution));
    }
}
