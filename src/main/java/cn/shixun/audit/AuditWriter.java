package cn.shixun.audit;

import cn.shixun.audit.AuditEvent.Actor;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Builds and appends audit lines: who (the account's username and role), from where (the
 * request's client address and user agent, when there is a request), and the organisation the
 * line is filed under with its path, so that reading by scope is a prefix match. Joins the
 * caller's transaction; the callers decide which one.
 */
@Component
class AuditWriter {

    /** The actor of work that no person started in this request, e.g. the engine's job executor. */
    static final String SYSTEM = "system";
    static final String ANONYMOUS = "anonymous";

    private final AuditEventRepository events;
    private final Accounts accounts;
    private final Organisations organisations;

    AuditWriter(AuditEventRepository events, Accounts accounts, Organisations organisations) {
        this.events = events;
        this.accounts = accounts;
        this.organisations = organisations;
    }

    /**
     * Appends a line for {@code username} (null: nobody signed in). {@code organisationId} is the
     * organisation the line is about; null files it under the account's own organisation, or
     * under none (then only system administrators read it).
     */
    AuditEvent append(String username, String action, String subjectType, String subjectId, Long organisationId,
                      String detail, AuditOutcome outcome) {
        Optional<CurrentAccount> account = Optional.ofNullable(username).flatMap(accounts::find);
        Long filedUnder = organisationId != null ? organisationId
                : account.map(CurrentAccount::organisationId).orElse(null);
        String path = Optional.ofNullable(filedUnder).flatMap(organisations::find).map(Organisation::path).orElse(null);
        Actor actor = actor(username, account.map(a -> a.role().name()).orElse(null));
        return events.save(new AuditEvent(Instant.now(), actor, action, subjectType, subjectId, filedUnder, path, detail,
                outcome));
    }

    private static Actor actor(String username, String role) {
        HttpServletRequest request = currentRequest();
        String name = username != null ? username : request == null ? SYSTEM : ANONYMOUS;
        if (request == null) {
            return new Actor(name, role, null, null);
        }
        return new Actor(name, role, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
