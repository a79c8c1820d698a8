package cn.shixun.annual.process;

import cn.shixun.tasks.ProcedureModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the {@code annualRegistration} model may call besides the casework's: checked at every deployment. */
@Configuration(proxyBeanMethods = false)
public class AnnualRegistrationModel {

    /** Public for the model tests, which check the files against it without Spring. */
    public static final ProcedureModel DECLARATION = new ProcedureModel(AnnualRegistrationProcess.PROCESS_ID,
            "annualDeadlines", "registerYearDelegate", "publishResultDelegate");

    @Bean
    ProcedureModel annualRegistrationProcedureModel() {
        return DECLARATION;
    }
}
