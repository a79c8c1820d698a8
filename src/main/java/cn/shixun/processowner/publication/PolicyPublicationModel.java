package cn.shixun.processowner.publication;

import cn.shixun.security.OwnerApprovalTask;
import cn.shixun.tasks.ProcedureModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans the {@code policyPublication} model may call besides the casework's, checked at every
 * deployment; and it deploys only as the repository's file: it is the four-eyes, so neither a console
 * draft nor an upload may replace it.
 */
@Configuration(proxyBeanMethods = false)
public class PolicyPublicationModel {

    /** Public for the model tests, which check the files against it without Spring. */
    public static final ProcedureModel DECLARATION = ProcedureModel.repositoryOnly(OwnerApprovalTask.PROCESS_KEY,
            "publishDraftsDelegate");

    @Bean
    ProcedureModel policyPublicationProcedureModel() {
        return DECLARATION;
    }
}
