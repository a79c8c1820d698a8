package cn.shixun.processowner.impact;

import cn.shixun.policy.PolicyProfile;
import cn.shixun.processowner.policies.PolicyVersionDrafts;
import cn.shixun.processowner.testcases.PolicyUnderTest;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.PendingWork;
import cn.shixun.shared.RefusalText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The impact preview of a draft policy version (issue 12): every in-post teacher of the profile's
 * schools, their standing on the draft's effective date under the version in force and under the
 * draft; how many change, and a sample. Worked school by school in short steps, each in its own
 * transaction holding the preview's row, so that a preview over a province shows its progress,
 * two nodes never scan a school twice, and a node that stops leaves the rest to the others'
 * pending-work workers (docs/adr/0008).
 */
@Service
public class ImpactPreviews implements PendingWork {

    private static final Logger log = LoggerFactory.getLogger(ImpactPreviews.class);
    /** Teachers kept as examples of a change. */
    public static final int SAMPLE_SIZE = 20;
    /** How long one step scans schools before it records its progress and lets the row go. */
    private static final Duration STEP = Duration.ofSeconds(2);
    private static final TypeReference<List<ImpactScan.Change>> CHANGES = new TypeReference<>() {
    };

    private final ImpactScan scan;
    private final PolicyVersionDrafts drafts;
    private final RefusalText refusals;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "impact-preview");
        thread.setDaemon(true);
        return thread;
    });

    ImpactPreviews(ImpactScan scan, PolicyVersionDrafts drafts, RefusalText refusals, ApplicationEventPublisher events,
                   JdbcTemplate jdbc, ObjectMapper json, Clock clock, PlatformTransactionManager transactions) {
        this.scan = scan;
        this.drafts = drafts;
        this.refusals = refusals;
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A preview as the console shows it; {@code stale} when the draft's tables changed since it started. */
    public record Preview(long id, long policyVersionId, String profileCode, LocalDate asOf, String state,
                          int schoolsTotal, int schoolsDone, int checked, int changed, List<ImpactScan.Change> sample,
                          String failure, boolean stale) {
    }

    /**
     * Starts a preview of draft version {@code policyVersionId}, to be worked by {@link #runToEnd}: the
     * standing the draft would give today, or on its first day when it takes effect later.
     */
    @Transactional
    public long start(long policyVersionId, String by) {
        PolicyProfile draft = drafts.get(policyVersionId).version();
        List<Long> schools = scan.schoolsOf(draft.code());
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = draft.effectiveFrom().isAfter(today) ? draft.effectiveFrom() : today;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String checksum = drafts.checksum(policyVersionId);
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO policy_impact (policy_version_id, profile_code, as_of, draft_checksum, state, schools_total,
                        schools_done, checked, changed, sample, started_by, started_at)
                    VALUES (?, ?, ?, ?, 'RUNNING', ?, 0, 0, 0, '[]', ?, ?)""", new String[] {"id"});
            insert.setLong(1, policyVersionId);
            insert.setString(2, draft.code());
            insert.setDate(3, Date.valueOf(asOf));
            insert.setString(4, checksum);
            insert.setInt(5, schools.size());
            insert.setString(6, by);
            insert.setTimestamp(7, Timestamp.from(Instant.now(clock)));
            return insert;
        }, key);
        long id = Objects.requireNonNull(key.getKeyAs(Number.class)).longValue();
        events.publishEvent(new AuditedAction("policy-impact.start", "policy-version", String.valueOf(policyVersionId),
                "影响预估 " + draft.label() + "，" + schools.size() + " 所学校，按 " + asOf + " 计算"));
        return id;
    }

    /** {@link #start}, then this node works it to the end in the background; what it does not finish, the workers do. */
    public void startSoon(long id) {
        background.execute(() -> {
            try {
                runToEnd(id);
            } catch (RuntimeException failure) {
                log.warn("Impact preview {} interrupted: {}", id, failure.toString());
            }
        });
    }

    /** Steps the preview until it is done or failed. */
    public void runToEnd(long id) {
        while (Boolean.TRUE.equals(ownTransaction.execute(status -> step(id)))) {
            // each step commits its progress
        }
    }

    @Override
    public void startPending() {
        for (Long id : jdbc.queryForList("SELECT id FROM policy_impact WHERE state = 'RUNNING' ORDER BY id", Long.class)) {
            ownTransaction.execute(status -> step(id));
        }
    }

    @Transactional(readOnly = true)
    public Preview get(long id) {
        return jdbc.query("SELECT id, policy_version_id, profile_code, as_of, state, schools_total, schools_done, checked, "
                        + "changed, sample, failure, draft_checksum FROM policy_impact WHERE id = ?",
                (row, n) -> new Preview(row.getLong(1), row.getLong(2), row.getString(3), row.getDate(4).toLocalDate(),
                        row.getString(5), row.getInt(6), row.getInt(7), row.getInt(8), row.getInt(9), read(row.getString(10)),
                        row.getString(11), !row.getString(12).equals(drafts.checksum(row.getLong(2)))), id)
                .stream().findFirst()
                .orElseThrow(() -> BusinessRuleException.notFound("id", "impact.not-found", id));
    }

    /** The latest preview of draft version {@code policyVersionId}, if one was started: the console shows it again. */
    @Transactional(readOnly = true)
    public Optional<Long> latestOf(long policyVersionId) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(id) FROM policy_impact WHERE policy_version_id = ?",
                Long.class, policyVersionId));
    }

    /** Scans schools for a while under the preview's row lock; whether there is more to do. */
    private boolean step(long id) {
        List<Row> rows = jdbc.query("SELECT * FROM policy_impact WHERE id = ? FOR UPDATE", (row, n) -> {
            Row read = new Row(row);
            read.sample.addAll(read(row.getString("sample")));
            return read;
        }, id);
        if (rows.isEmpty() || !"RUNNING".equals(rows.get(0).state)) {
            return false;
        }
        Row preview = rows.get(0);
        try {
            PolicyUnderTest current = drafts.published();
            PolicyUnderTest draft = drafts.underTest(preview.policyVersionId);
            List<Long> remaining = scan.schoolsOf(preview.profileCode).stream()
                    .filter(school -> preview.lastSchoolId == null || school > preview.lastSchoolId).toList();
            Instant until = Instant.now().plus(STEP);
            for (Long school : remaining) {
                ImpactScan.SchoolResult result = scan.scanSchool(school, preview.profileCode, preview.asOf, current, draft);
                preview.add(school, result);
                if (Instant.now().isAfter(until)) {
                    break;
                }
            }
            boolean done = remaining.isEmpty() || Objects.equals(preview.lastSchoolId, remaining.get(remaining.size() - 1));
            jdbc.update("UPDATE policy_impact SET last_school_id = ?, schools_done = ?, checked = ?, changed = ?, sample = ?, "
                            + "state = ?, finished_at = ? WHERE id = ?",
                    preview.lastSchoolId, preview.schoolsDone, preview.checked, preview.changed, write(preview.sample),
                    done ? "DONE" : "RUNNING", done ? Timestamp.from(Instant.now(clock)) : null, id);
            return !done;
        } catch (BusinessRuleException refused) {
            return fail(id, refusals.forRecord(refused));
        } catch (IllegalArgumentException | IllegalStateException failure) {
            // A draft table that cannot answer for some teacher: the preview says why instead of retrying forever.
            return fail(id, "决策表无法给出结果：" + failure.getMessage());
        }
    }

    private boolean fail(long id, String why) {
        jdbc.update("UPDATE policy_impact SET state = 'FAILED', failure = ?, finished_at = ? WHERE id = ?",
                abbreviate(why), Timestamp.from(Instant.now(clock)), id);
        return false;
    }

    /** A preview's progress while a step works on it. */
    private static final class Row {
        private final long policyVersionId;
        private final String profileCode;
        private final LocalDate asOf;
        private final String state;
        private final List<ImpactScan.Change> sample;
        private Long lastSchoolId;
        private int schoolsDone;
        private int checked;
        private int changed;

        Row(ResultSet row) throws SQLException {
            policyVersionId = row.getLong("policy_version_id");
            profileCode = row.getString("profile_code");
            asOf = row.getDate("as_of").toLocalDate();
            state = row.getString("state");
            sample = new ArrayList<>();
            lastSchoolId = row.getObject("last_school_id") == null ? null : row.getLong("last_school_id");
            schoolsDone = row.getInt("schools_done");
            checked = row.getInt("checked");
            changed = row.getInt("changed");
        }

        void add(Long school, ImpactScan.SchoolResult result) {
            lastSchoolId = school;
            schoolsDone++;
            checked += result.checked();
            changed += result.changes().size();
            result.changes().stream().limit(Math.max(0, SAMPLE_SIZE - sample.size())).forEach(sample::add);
        }
    }

    private static String abbreviate(String message) {
        String text = message == null ? "无法计算" : message;
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    private List<ImpactScan.Change> read(String sample) {
        try {
            return json.readValue(sample, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy_impact.sample is unreadable", e);
        }
    }

    private String write(List<ImpactScan.Change> sample) {
        try {
            return json.writeValueAsString(sample);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
