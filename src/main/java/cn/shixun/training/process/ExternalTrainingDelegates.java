package cn.shixun.training.process;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseApprovals;
import cn.shixun.tasks.CaseKey;
import cn.shixun.tasks.CaseStep;
import cn.shixun.tasks.ReviewRouting;
import cn.shixun.training.ExternalTraining;
import cn.shixun.training.ExternalTrainings;
import cn.shixun.training.TrainingCasework;
import cn.shixun.training.TrainingCredits;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code externalTrainingApproval}: one thin delegate each. */
@Configuration(proxyBeanMethods = false)
class ExternalTrainingDelegates {

    static final String PROVIDER_NOT_QUALIFIED = "PROVIDER_NOT_QUALIFIED";
    static final String CREDIT_REFUSED = "CREDIT_REFUSED";

    /**
     * {@code ServiceTask_LapseApplication}: the training started before the school consented.
     * Our records decide, not the token (issue 10): the application must be open, run by this
     * instance, not consented, and its training started by the business clock; a consented
     * application that a moved token or a changed model brings here stays as it is.
     */
    @Bean
    JavaDelegate lapseExternalTrainingDelegate(ExternalTrainings trainings, TrainingCasework casework,
                                               CaseApprovals approvals, Clock clock) {
        return execution -> {
            ExternalTraining training = trainings.require(CaseKey.of(execution));
            LocalDate today = LocalDate.now(clock);
            String why = !training.status().isOpen() ? training.status().label()
                    : training.consentedAt() != null ? "学校已事先同意参训"
                    : today.isBefore(training.plan().startDate()) ? "培训尚未开始（" + training.plan().startDate() + "）"
                    : null;
            approvals.require(CaseStep.of(ExternalTrainingProcess.PROCESS_ID, String.valueOf(training.getId()),
                            "培训已开始，申请失效")
                    .runBy(training.processInstanceId(), execution)
                    .inStatus(why == null, why));
            casework.lapse(training.getId());
        };
    }

    /** {@code ServiceTask_CheckProvider}: R-06 once more; a refusal is {@code Error_ProviderNotQualified}. */
    @Bean
    JavaDelegate checkTrainingProviderDelegate(TrainingCredits credits) {
        return execution -> {
            try {
                credits.checkProvider(CaseKey.of(execution));
            } catch (BusinessRuleException refusal) {
                throw new BpmnError(PROVIDER_NOT_QUALIFIED, refusal.getMessage());
            }
        };
    }

    /** {@code ServiceTask_CreditHours}: the ledger through the policy calculator; a refusal is {@code Error_CreditRefused}. */
    @Bean
    JavaDelegate creditExternalTrainingDelegate(ExternalTrainings trainings, TrainingCredits credits,
                                                CaseApprovals approvals, ReviewRouting routing) {
        return execution -> {
            ExternalTraining training = trainings.require(CaseKey.of(execution));
            // Our records first: consent since the application, then the school's and the
            // authority's approval since the completion evidence was last submitted.
            approvals.require(CaseStep.of(ExternalTrainingProcess.PROCESS_ID, String.valueOf(training.getId()),
                            "登记培训学时")
                    .runBy(training.processInstanceId(), execution)
                    .inStatus(training.status().isOpen(), training.status().label())
                    .approved(ExternalTrainingProcess.SCHOOL_CONSENT, "学校事先审核",
                            routing.schoolReview(training.schoolId()),
                            CaseStep.START, ExternalTrainingProcess.AMEND_APPLICATION)
                    .approved(ExternalTrainingProcess.SCHOOL_COMPLETION_REVIEW, "学校审核结业材料",
                            routing.schoolReview(training.schoolId()),
                            ExternalTrainingProcess.SUBMIT_COMPLETION, ExternalTrainingProcess.AMEND_COMPLETION)
                    .approved(ExternalTrainingProcess.AUTHORITY_REVIEW, "登记机构审核",
                            routing.authorityReview(training.schoolId()),
                            ExternalTrainingProcess.SUBMIT_COMPLETION, ExternalTrainingProcess.AMEND_COMPLETION));
            try {
                credits.credit(training.getId());
            } catch (BusinessRuleException refusal) {
                throw new BpmnError(CREDIT_REFUSED, refusal.getMessage());
            }
        };
    }
}
