package cn.shixun.processowner.testcases;

import cn.shixun.ledger.StatusArithmetic;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The test cases kept with each profile (table {@code policy_test_case}). The teacher, entries and
 * expectation are stored as JSON: a case is read and written whole, never queried inside.
 */
@Repository
public class PolicyTestCases {

    private static final TypeReference<List<StatusArithmetic.Entry>> ENTRIES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, PolicyTestCase.Expectation>> EXPECTED = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PolicyTestCases(JdbcTemplate jdbc, ObjectMapper json, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PolicyTestCase> ofProfile(String profileCode) {
        return jdbc.query("SELECT * FROM policy_test_case WHERE profile_code = ? ORDER BY id", this::row, profileCode);
    }

    Set<String> seedKeys() {
        return jdbc.queryForList("SELECT seed_key FROM policy_test_case WHERE seed_key IS NOT NULL", String.class)
                .stream().collect(Collectors.toSet());
    }

    /** Adds a case; {@code by} is who added it (or the seed import). */
    @Transactional
    public long add(PolicyTestCase testCase, String by) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO policy_test_case (profile_code, seed_key, name, as_of, teacher, entries, expected,
                                                  updated_by, updated_at, lock_version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", new String[] {"id"});
            insert.setString(1, testCase.profileCode());
            insert.setString(2, testCase.seedKey());
            insert.setString(3, testCase.name());
            insert.setDate(4, Date.valueOf(testCase.asOf()));
            insert.setString(5, write(testCase.teacher()));
            insert.setString(6, write(testCase.entries()));
            insert.setString(7, write(testCase.expected()));
            insert.setString(8, by);
            insert.setTimestamp(9, Timestamp.from(Instant.now(clock)));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /**
     * Replaces what a case expects, when the notice's new figures change it on purpose (the process
     * owner's decision, audited). Refused when someone changed the case since {@code lockVersion} was read.
     */
    @Transactional
    public void expect(long id, int lockVersion, Map<String, PolicyTestCase.Expectation> expected, String by) {
        PolicyTestCase before = find(id);
        int updated = jdbc.update("UPDATE policy_test_case SET expected = ?, updated_by = ?, updated_at = ?,"
                        + " lock_version = lock_version + 1 WHERE id = ? AND lock_version = ?",
                write(expected), by, Timestamp.from(Instant.now(clock)), id, lockVersion);
        if (updated == 0) {
            throw BusinessRuleException.conflict(null, "lockVersion", "policy-test-case.changed-meanwhile", before.name());
        }
        events.publishEvent(new AuditedAction("policy-test-case.expect", "policy-test-case", String.valueOf(id),
                before.profileCode() + " · " + before.name() + "：期望 " + write(before.expected()) + " → " + write(expected)));
    }

    @Transactional(readOnly = true)
    public PolicyTestCase find(long id) {
        return jdbc.query("SELECT * FROM policy_test_case WHERE id = ?", this::row, id).stream().findFirst()
                .orElseThrow(() -> BusinessRuleException.notFound("id", "policy-test-case.not-found", id));
    }

    private PolicyTestCase row(ResultSet rs, int rowNum) throws SQLException {
        try {
            return new PolicyTestCase(rs.getLong("id"), rs.getString("profile_code"), rs.getString("seed_key"),
                    rs.getString("name"), rs.getDate("as_of").toLocalDate(),
                    json.readValue(rs.getString("teacher"), PolicyTestCase.TeacherFacts.class),
                    json.readValue(rs.getString("entries"), ENTRIES), json.readValue(rs.getString("expected"), EXPECTED),
                    rs.getInt("lock_version"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy_test_case " + rs.getLong("id") + " holds unreadable JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
