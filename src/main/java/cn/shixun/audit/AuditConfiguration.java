package cn.shixun.audit;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.filter.OrderedRequestContextFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.RequestContextFilter;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /**
     * Binds the request to the thread before Spring Security runs, so that sign-ins and refusals
     * are recorded with the client's address. Spring MVC alone would do this at this order, but
     * with Jersey on the classpath (the engine's REST API) Spring Boot registers the filter just
     * before Jersey, after Spring Security; this one replaces it for both.
     */
    @Bean
    FilterRegistrationBean<RequestContextFilter> auditRequestContextFilter() {
        OrderedRequestContextFilter filter = new OrderedRequestContextFilter();
        FilterRegistrationBean<RequestContextFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(filter.getOrder());
        return registration;
    }

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

    /** The Camunda webapps' own login, after the request context filter (for the client address). */
    @Bean
    FilterRegistrationBean<WebappSignInAuditFilter> webappSignInAuditFilter(AuditWriter writer,
                                                                          PlatformTransactionManager transactionManager) {
        TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        FilterRegistrationBean<WebappSignInAuditFilter> registration =
                new FilterRegistrationBean<>(new WebappSignInAuditFilter(writer, ownTransaction));
        registration.addUrlPatterns(WebappSignInAuditFilter.URL_PATTERN);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
