package cn.shixun.training.process;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.training.ExternalTrainings;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code externalTrainingApproval}: one thin delegate each. */
@Configuration(proxyBeanMethods = false)
class ExternalTrainingDelegates {

    static final String PROVIDER_NOT_QUALIFIED = "PROVIDER_NOT_QUALIFIED";
    static final String CREDIT_REFUSED = "CREDIT_REFUSED";

    /** {@code ServiceTask_LapseApplication}: the training started before the school consented. */
    @Bean
    JavaDelegate lapseExternalTrainingDelegate(ExternalTrainings trainings) {
        return execution -> trainings.lapse(ExternalTrainingVariables.trainingId(execution));
    }

    /** {@code ServiceTask_CheckProvider}: R-06 once more; a refusal is {@code Error_ProviderNotQualified}. */
    @Bean
    JavaDelegate checkTrainingProviderDelegate(ExternalTrainings trainings) {
        return execution -> {
            try {
                trainings.checkProvider(ExternalTrainingVariables.trainingId(execution));
            } catch (BusinessRuleException refusal) {
                throw new BpmnError(PROVIDER_NOT_QUALIFIED, refusal.getMessage());
            }
        };
    }

    /** {@code ServiceTask_CreditHours}: the ledger through the policy calculator; a refusal is {@code Error_CreditRefused}. */
    @Bean
    JavaDelegate creditExternalTrainingDelegate(ExternalTrainings trainings) {
        return execution -> {
            try {
                trainings.credit(ExternalTrainingVariables.trainingId(execution));
            } catch (BusinessRuleException refusal) {
                throw new BpmnError(CREDIT_REFUSED, refusal.getMessage());
            }
        };
    }
}
