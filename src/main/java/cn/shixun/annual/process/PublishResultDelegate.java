package cn.shixun.annual.process;

import cn.shixun.annual.AnnualCasework;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_PublishResult}: publishes the registered year to the teacher and the school, once our records allow it ({@link AnnualCaseSteps}). */
@Component("publishResultDelegate")
class PublishResultDelegate implements JavaDelegate {

    private final AnnualCasework casework;
    private final AnnualCaseSteps steps;

    PublishResultDelegate(AnnualCasework casework, AnnualCaseSteps steps) {
        this.casework = casework;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        casework.publish(steps.require(execution, "发布登记结果", true).getId());
    }
}
