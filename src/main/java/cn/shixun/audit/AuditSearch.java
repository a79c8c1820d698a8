package cn.shixun.audit;

import cn.shixun.shared.BusinessDate;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The read queries of the audit trail, built from the filled-in filters only, with every value
 * bound as a parameter. {@code scopePath} limits the lines to an organisation's subtree;
 * {@code withUnfiled} adds the lines filed under no organisation (unknown sign-in names,
 * anonymous refusals).
 */
@Component
class AuditSearch {

    private final EntityManager entityManager;

    AuditSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The matching lines, newest first. */
    List<AuditEvent> find(AuditQuery query, String scopePath, boolean withUnfiled, int offset, int limit) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<AuditEvent> select = cb.createQuery(AuditEvent.class);
        Root<AuditEvent> event = select.from(AuditEvent.class);
        select.where(where(cb, event, query, scopePath, withUnfiled)).orderBy(cb.desc(event.get("id")));
        return entityManager.createQuery(select).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    long count(AuditQuery query, String scopePath, boolean withUnfiled) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<AuditEvent> event = count.from(AuditEvent.class);
        count.select(cb.count(event)).where(where(cb, event, query, scopePath, withUnfiled));
        return entityManager.createQuery(count).getSingleResult();
    }

    private static Predicate[] where(CriteriaBuilder cb, Root<AuditEvent> event, AuditQuery query, String scopePath,
                                     boolean withUnfiled) {
        List<Predicate> where = new ArrayList<>();
        Predicate inScope = cb.like(event.get("organisationPath"), scopePath + "%");
        where.add(withUnfiled ? cb.or(inScope, cb.isNull(event.get("organisationPath"))) : inScope);
        if (query.from() != null) {
            where.add(cb.greaterThanOrEqualTo(event.get("occurredAt"), startOf(query.from())));
        }
        if (query.to() != null) {
            where.add(cb.lessThan(event.get("occurredAt"), startOf(query.to().plusDays(1))));
        }
        if (query.actor() != null) {
            where.add(cb.equal(event.get("actor"), query.actor()));
        }
        if (query.action() != null) {
            // Codes contain no wildcard characters (AuditQuery#checked), so a prefix match is exact.
            where.add(query.action().endsWith(".") ? cb.like(event.get("action"), query.action() + "%")
                    : cb.equal(event.get("action"), query.action()));
        }
        if (query.subjectType() != null) {
            where.add(cb.equal(event.get("subjectType"), query.subjectType()));
        }
        if (query.subjectId() != null) {
            where.add(cb.equal(event.get("subjectId"), query.subjectId()));
        }
        if (query.outcome() != null) {
            where.add(cb.equal(event.get("outcome"), query.outcome()));
        }
        return where.toArray(Predicate[]::new);
    }

    private static Instant startOf(java.time.LocalDate day) {
        return day.atStartOfDay(BusinessDate.ZONE).toInstant();
    }
}
