package cn.shixun.schoolclass.process;

import cn.shixun.tasks.ProcedureModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the {@code schoolBasedClass} model may call besides the casework's: checked at every deployment. */
@Configuration(proxyBeanMethods = false)
public class SchoolBasedClassModel {

    /** Public for the model tests, which check the files against it without Spring. */
    public static final ProcedureModel DECLARATION = new ProcedureModel(SchoolClassProcess.PROCESS_ID,
            "schoolClassSchedule", "schoolClassGradingListener", "creditSchoolClassHoursDelegate");

    @Bean
    ProcedureModel schoolBasedClassProcedureModel() {
        return DECLARATION;
    }
}
