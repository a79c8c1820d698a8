package cn.shixun.audit;

import cn.shixun.shared.AuditedRefusal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Writes an {@link AuditedRefusal} in a transaction of its own (the refused work is rolled back
 * or never started), and marks the request so that {@link RefusalAuditFilter} does not add a
 * second, less precise line for the same refusal.
 */
@Component
class AuditedRefusalListener {

    private final AuditWriter writer;

    AuditedRefusalListener(AuditWriter writer) {
        this.writer = writer;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(AuditedRefusal refusal) {
        writer.append(refusal.actor(), refusal.action(), refusal.subjectType(), refusal.subjectId(), null,
                refusal.detail(), AuditOutcome.DENIED);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(SignInAuditListener.RECORDED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
