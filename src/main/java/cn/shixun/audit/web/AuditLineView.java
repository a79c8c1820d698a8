package cn.shixun.audit.web;

import cn.shixun.audit.AuditEvent;
import cn.shixun.audit.AuditOutcome;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** An audit line as the API, the page and the export show it: codes with their labels, the organisation by name. */
record AuditLineView(Long id, Instant occurredAt, String actor, String actorRole, String actorRoleLabel,
                     String clientIp, String userAgent, String action, String actionLabel, String subjectType,
                     String subjectId, Long organisationId, String organisationName, String detail,
                     AuditOutcome outcome, String outcomeLabel) {

    static AuditLineView of(AuditEvent e, Map<Long, String> organisationNames, MessageSource messages) {
        String role = e.actorRole();
        return new AuditLineView(e.getId(), e.occurredAt(), e.actor(), role,
                role == null ? null : text(messages, "role." + role, role), e.clientIp(), e.userAgent(), e.action(),
                actionLabel(messages, e.action()), e.subjectType(), e.subjectId(),
                e.organisationId(), organisationNames.get(e.organisationId()), e.detail(), e.outcome(),
                text(messages, "audit.outcome." + e.outcome().name(), e.outcome().label()));
    }

    /**
     * The action's label; an action named after an operation ({@code engine.admin.<operation>}) has none of its
     * own and takes its family's ({@code audit.action.engine.admin.*}) with the operation filled in.
     */
    static String actionLabel(MessageSource messages, String action) {
        String label = text(messages, "audit.action." + action, null);
        for (int dot = action.lastIndexOf('.'); label == null && dot > 0; dot = action.lastIndexOf('.', dot - 1)) {
            label = messages.getMessage("audit.action." + action.substring(0, dot) + ".*",
                    new Object[] {action.substring(dot + 1)}, null, LocaleContextHolder.getLocale());
        }
        return label == null ? action : label;
    }

    private static String text(MessageSource messages, String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
