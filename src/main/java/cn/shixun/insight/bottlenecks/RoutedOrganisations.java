package cn.shixun.insight.bottlenecks;

import cn.shixun.security.CandidateGroup;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The organisation a task is routed to, from its candidate group ({@code county-reviewer:410105}, ADR 0004),
 * or that of an applicant's account. Plain JDBC with a cache by code: it runs inside the engine's commands,
 * where a JPA query would flush the caller's unsaved entities; an organisation's code, level and path never change.
 */
@Component
class RoutedOrganisations {

    /** An organisation as the read model stores it. */
    record Routed(long id, String level, String path) {
    }

    private static final RowMapper<Routed> ROUTED = (rs, n) -> new Routed(rs.getLong(1), rs.getString(2), rs.getString(3));

    private final JdbcTemplate jdbc;
    private final Map<String, Optional<Routed>> byCode = new ConcurrentHashMap<>();

    RoutedOrganisations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Routed> ofGroup(String groupId) {
        return CandidateGroup.parse(groupId).flatMap(group -> ofCode(group.organisationCode()));
    }

    Optional<Routed> ofCode(String code) {
        Optional<Routed> found = byCode.get(code);
        if (found == null) {
            found = first(jdbc.query("SELECT id, level, path FROM organisation WHERE code = ?", ROUTED, code));
            // Unknown codes are not remembered: the organisation may be created later.
            found.ifPresent(routed -> byCode.put(code, Optional.of(routed)));
        }
        return found;
    }

    Optional<Routed> ofId(long id) {
        return first(jdbc.query("SELECT id, level, path FROM organisation WHERE id = ?", ROUTED, id));
    }

    /** The organisation of the account {@code username}: where an applicant's own task waits. */
    Optional<Routed> ofAccount(String username) {
        // A teacher's account names the teacher, whose school is theirs.
        return first(jdbc.query("SELECT o.id, o.level, o.path FROM account a LEFT JOIN teacher t ON t.id = a.teacher_id"
                + " JOIN organisation o ON o.id = COALESCE(a.organisation_id, t.school_id) WHERE a.username = ?", ROUTED, username));
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.stream().findFirst();
    }
}
