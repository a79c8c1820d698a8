package cn.shixun.exemption.process;

import cn.shixun.tasks.ProcedureModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the {@code degreeExemption} model may call besides the casework's: checked at every deployment. */
@Configuration(proxyBeanMethods = false)
public class DegreeExemptionModel {

    /** Public for the model tests, which check the files against it without Spring. */
    public static final ProcedureModel DECLARATION = new ProcedureModel(DegreeExemptionProcess.PROCESS_ID,
            "creditHoursDelegate");

    @Bean
    ProcedureModel degreeExemptionProcedureModel() {
        return DECLARATION;
    }
}
