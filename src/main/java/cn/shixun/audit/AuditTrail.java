package cn.shixun.audit;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.AuditedAction;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit trail. Managers and system administrators read the lines about the
 * organisations in their scope (their own organisation and everything below it); system
 * administrators also read the lines filed under no organisation (sign-in attempts with unknown
 * names, anonymous refusals). Everyone else is refused. There is no way to change a line.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

    public static final int MAX_PAGE_SIZE = 200;
    /** An export larger than this is refused: narrow the dates or filters instead. */
    public static final int MAX_EXPORT = 50_000;

    static final String EXPORT_ACTION = "audit.export";

    private final AuditSearch search;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;

    AuditTrail(AuditSearch search, Organisations organisations, ApplicationEventPublisher events) {
        this.search = search;
        this.organisations = organisations;
        this.events = events;
    }

    /** Whether {@code reader} may read the audit trail at all. */
    public static boolean mayRead(CurrentAccount reader) {
        return reader.is(Role.MANAGER) || reader.is(Role.SYSTEM_ADMIN);
    }

    /** One page of the lines {@code reader} may read that match {@code query}, newest first. */
    public Page<AuditEvent> search(CurrentAccount reader, AuditQuery query, int page, int size) {
        if (page < 0) {
            throw AuditQuery.invalid("page", "audit.invalid.page");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw AuditQuery.invalid("size", "audit.invalid.size", MAX_PAGE_SIZE);
        }
        AuditQuery checked = query.checked();
        String scope = scopeOf(reader);
        boolean unfiled = reader.is(Role.SYSTEM_ADMIN);
        long total = search.count(checked, scope, unfiled);
        List<AuditEvent> lines = search.find(checked, scope, unfiled, Math.multiplyExact(page, size), size);
        return new PageImpl<>(lines, PageRequest.of(page, size), total);
    }

    /**
     * Every line {@code reader} may read that matches {@code query}, newest first, for an export;
     * the export itself goes on the record.
     */
    @Transactional
    public List<AuditEvent> export(CurrentAccount reader, AuditQuery query) {
        AuditQuery checked = query.checked();
        String scope = scopeOf(reader);
        boolean unfiled = reader.is(Role.SYSTEM_ADMIN);
        long total = search.count(checked, scope, unfiled);
        if (total > MAX_EXPORT) {
            throw AuditQuery.invalid("from", "audit.invalid.export-too-large", total, MAX_EXPORT);
        }
        events.publishEvent(new AuditedAction(EXPORT_ACTION, "audit", null, describe(checked, total),
                reader.organisationId()));
        return search.find(checked, scope, unfiled, 0, MAX_EXPORT);
    }

    /** The organisation names of {@code lines}, by id, for showing them. */
    public Map<Long, String> organisationNames(List<AuditEvent> lines) {
        return lines.stream().map(AuditEvent::organisationId).filter(java.util.Objects::nonNull).distinct()
                .flatMap(id -> organisations.find(id).stream())
                .collect(java.util.stream.Collectors.toMap(Organisation::getId, Organisation::name));
    }

    private String scopeOf(CurrentAccount reader) {
        if (!mayRead(reader)) {
            throw new AccessDeniedException(reader.username() + " (" + reader.role() + ") may not read the audit trail");
        }
        if (reader.isPlatformAdmin()) {
            return "/";
        }
        return organisations.find(reader.organisationId()).map(Organisation::path)
                .orElseThrow(() -> new AccessDeniedException(reader.username() + " has no organisation"));
    }

    private static String describe(AuditQuery q, long total) {
        return "导出 " + total + " 条审计记录（" + (q.from() == null ? "" : q.from()) + "至" + (q.to() == null ? "" : q.to())
                + (q.actor() == null ? "" : "，操作人 " + q.actor()) + (q.action() == null ? "" : "，操作 " + q.action())
                + (q.subjectType() == null ? "" : "，对象 " + q.subjectType() + " " + (q.subjectId() == null ? "" : q.subjectId()))
                + (q.outcome() == null ? "" : "，结果 " + q.outcome().label()) + "）";
    }
}
