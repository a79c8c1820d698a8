package cn.shixun.tasks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two deadline service tasks every model may use after a timer on a user task ({@link CaseDeadlines}). */
@Configuration(proxyBeanMethods = false)
class DeadlineDelegates {

    /** {@code ${remindDueTaskDelegate}}: records a reminder that the task is due soon. */
    @Bean
    JavaDelegate remindDueTaskDelegate(CaseDeadlines deadlines) {
        return deadlines::remind;
    }

    /** {@code ${escalateOverdueTaskDelegate}}: offers the overdue task to the next level and records it. */
    @Bean
    JavaDelegate escalateOverdueTaskDelegate(CaseDeadlines deadlines) {
        return deadlines::escalate;
    }
}
