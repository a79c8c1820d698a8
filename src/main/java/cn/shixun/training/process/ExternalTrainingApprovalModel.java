package cn.shixun.training.process;

import cn.shixun.tasks.ProcedureModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans the {@code externalTrainingApproval} model may call besides the casework's: checked at every
 * deployment.
 */
@Configuration(proxyBeanMethods = false)
public class ExternalTrainingApprovalModel {

    /** Public for the model tests, which check the files against it without Spring. */
    public static final ProcedureModel DECLARATION = new ProcedureModel(ExternalTrainingProcess.PROCESS_ID,
            "externalTrainingSchedule", "checkTrainingProviderDelegate", "lapseExternalTrainingDelegate",
            "creditExternalTrainingDelegate");

    @Bean
    ProcedureModel externalTrainingApprovalProcedureModel() {
        return DECLARATION;
    }
}
