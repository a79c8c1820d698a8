package cn.shixun.countyplan.process;

import cn.shixun.tasks.ProcedureModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the {@code countyPlanFiling} model may call besides the casework's: checked at every deployment. */
@Configuration(proxyBeanMethods = false)
public class CountyPlanFilingModel {

    /** Public for the model tests, which check the files against it without Spring. */
    public static final ProcedureModel DECLARATION = new ProcedureModel(CountyPlanProcess.PROCESS_ID,
            "countyPlanDeadlines", "fileCountyPlanDelegate", "registerCountyPlanHoursDelegate");

    @Bean
    ProcedureModel countyPlanFilingProcedureModel() {
        return DECLARATION;
    }
}
