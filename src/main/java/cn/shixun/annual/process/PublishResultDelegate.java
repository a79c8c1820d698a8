package cn.shixun.annual.process;

import cn.shixun.annual.AnnualRegistrations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_PublishResult}: publishes the registered year to the teacher and the school. */
@Component("publishResultDelegate")
class PublishResultDelegate implements JavaDelegate {

    private final AnnualRegistrations registrations;

    PublishResultDelegate(AnnualRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registrations.publish(AnnualRegistrationVariables.registrationId(execution));
    }
}
