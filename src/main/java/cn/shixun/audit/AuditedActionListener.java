package cn.shixun.audit;

import cn.shixun.shared.AuditedAction;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an {@link AuditedAction} in the publisher's own transaction: the line commits with the
 * action or not at all. Publishing outside a transaction is a programming error and fails
 * loudly ({@link Propagation#MANDATORY}) rather than leaving a line for an action that may
 * still roll back.
 */
@Component
class AuditedActionListener {

    private final AuditWriter writer;

    AuditedActionListener(AuditWriter writer) {
        this.writer = writer;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AuditedAction action) {
        String actor = action.actor() != null ? action.actor() : signedIn();
        writer.append(actor, action.action(), action.subjectType(), action.subjectId(), action.organisationId(),
                action.detail(), AuditOutcome.SUCCESS);
    }

    /** The signed-in username, or null (the writer then names the system or an anonymous caller). */
    private static String signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken ? null : authentication.getName();
    }
}
