package cn.shixun.cycleverification.process;

import cn.shixun.tasks.ProcedureModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the {@code cycleVerification} model may call besides the casework's: checked at every deployment. */
@Configuration(proxyBeanMethods = false)
public class CycleVerificationModel {

    /** Public for the model tests, which check the files against it without Spring. */
    public static final ProcedureModel DECLARATION = new ProcedureModel(CycleVerificationProcess.PROCESS_ID,
            "issueCertificateDelegate");

    @Bean
    ProcedureModel cycleVerificationProcedureModel() {
        return DECLARATION;
    }
}
