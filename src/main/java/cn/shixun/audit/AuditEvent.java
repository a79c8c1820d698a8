package cn.shixun.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One line of the audit trail. Immutable in every layer: no setters, every column
 * {@code updatable = false}, Hibernate never writes changes back ({@link Immutable}), the
 * repository has no update or delete method, and the database refuses UPDATE/DELETE (V101).
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    static final int MAX_ACTOR = 64;
    static final int MAX_AGENT = 255;
    static final int MAX_SUBJECT_ID = 255;
    static final int MAX_DETAIL = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(name = "actor_role", updatable = false)
    private String actorRole;

    @Column(name = "client_ip", updatable = false)
    private String clientIp;

    @Column(name = "user_agent", updatable = false)
    private String userAgent;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "subject_type", updatable = false)
    private String subjectType;

    @Column(name = "subject_id", updatable = false)
    private String subjectId;

    @Column(name = "organisation_id", updatable = false)
    private Long organisationId;

    @Column(name = "organisation_path", updatable = false)
    private String organisationPath;

    @Column(updatable = false)
    private String detail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AuditOutcome outcome;

    protected AuditEvent() {
        // for JPA
    }

    AuditEvent(Instant occurredAt, Actor actor, String action, String subjectType, String subjectId,
               Long organisationId, String organisationPath, String detail, AuditOutcome outcome) {
        this.occurredAt = occurredAt;
        this.actor = clip(actor.username(), MAX_ACTOR);
        this.actorRole = actor.role();
        this.clientIp = actor.clientIp();
        this.userAgent = clip(actor.userAgent(), MAX_AGENT);
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = clip(subjectId, MAX_SUBJECT_ID);
        this.organisationId = organisationId;
        this.organisationPath = organisationPath;
        this.detail = clip(detail, MAX_DETAIL);
        this.outcome = outcome;
    }

    /** Who acted and from where, as far as the request tells. */
    record Actor(String username, String role, String clientIp, String userAgent) {
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String actorRole() {
        return actorRole;
    }

    public String clientIp() {
        return clientIp;
    }

    public String userAgent() {
        return userAgent;
    }

    public String action() {
        return action;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public Long organisationId() {
        return organisationId;
    }

    public String detail() {
        return detail;
    }

    public AuditOutcome outcome() {
        return outcome;
    }
}
