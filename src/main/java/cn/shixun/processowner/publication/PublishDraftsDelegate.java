package cn.shixun.processowner.publication;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_Publish}: deploys the case's publication, if our record says it was approved by a second owner. */
@Component("publishDraftsDelegate")
class PublishDraftsDelegate implements JavaDelegate {

    private final PublicationDeployments deployments;

    PublishDraftsDelegate(PublicationDeployments deployments) {
        this.deployments = deployments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deployments.publish(Long.parseLong(execution.getProcessBusinessKey()));
    }
}
