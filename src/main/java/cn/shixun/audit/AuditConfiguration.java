package cn.shixun.audit;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** Just before Spring Security's filter chain (and after the request context filter, for the client address). */
    @Bean
    FilterRegistrationBean<RefusalAuditFilter> refusalAuditFilter(AuditWriter writer,
                                                                  PlatformTransactionManager transactionManager) {
        TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        FilterRegistrationBean<RefusalAuditFilter> registration =
                new FilterRegistrationBean<>(new RefusalAuditFilter(writer, ownTransaction));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
