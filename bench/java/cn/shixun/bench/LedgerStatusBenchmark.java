package cn.shixun.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.ledger.TeacherStatus;
import cn.shixun.ledger.TeacherStatusQuery;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 2's target: the ledger status of one teacher answers in under 20 ms with 100,000
 * teachers and 3,000,000 ledger entries in the database.
 *
 * <p>The data is written straight into the tables with set-based SQL (the application's
 * registration path would take hours for 3 million rows); the measured call is the real
 * {@link TeacherStatusQuery#statusOf} used by the API. The H2 file database under
 * {@code target/bench/} is kept between runs, so only the first run pays for the load.
 *
 * <p>Run: {@code mvn -Pbench test} (see bench/README.md).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:file:./target/bench/ledger-status;DB_CLOSE_ON_EXIT=FALSE",
        "shixun.demo-data.enabled=false"})
public class LedgerStatusBenchmark {

    static final int TEACHERS = 100_000;
    static final int ENTRIES_PER_TEACHER = 30;
    static final int SCHOOLS = 200;
    static final int WARM_UP_CALLS = 3_000;
    static final int MEASURED_CALLS = 10_000;
    static final double TARGET_P95_MILLIS = 20.0;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Organisations organisations;

    @Autowired
    TeacherStatusQuery statusQuery;

    @Test
    void statusOfOneTeacherAnswersWithin20MillisecondsAtProvincialScale() throws IOException {
        long loadStarted = System.nanoTime();
        loadIfEmpty();
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;

        long teachers = count("teacher");
        long entries = count("ledger_entry");
        assertThat(teachers).isGreaterThanOrEqualTo(TEACHERS);
        assertThat(entries).isGreaterThanOrEqualTo((long) TEACHERS * ENTRIES_PER_TEACHER);

        long firstId = jdbc.queryForObject("SELECT MIN(id) FROM teacher", Long.class);
        long lastId = jdbc.queryForObject("SELECT MAX(id) FROM teacher", Long.class);
        LocalDate date = LocalDate.of(2026, 11, 23);
        Random random = new Random(7);

        for (int i = 0; i < WARM_UP_CALLS; i++) {
            statusQuery.statusOf(pick(random, firstId, lastId), date);
        }
        double[] millis = new double[MEASURED_CALLS];
        TeacherStatus sample = null;
        for (int i = 0; i < MEASURED_CALLS; i++) {
            long id = pick(random, firstId, lastId);
            long started = System.nanoTime();
            sample = statusQuery.statusOf(id, date);
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        // The measured calls must have done real work: a status with the cycle's sums in it.
        assertThat(sample.cycleTotal()).isPositive();

        Arrays.sort(millis);
        double mean = Arrays.stream(millis).average().orElseThrow();
        String report = """
                ## Ledger status query (%s)

                | measure | value |
                |---|---|
                | teachers / ledger entries | %,d / %,d |
                | database | H2 2.x file database (embedded default) |
                | machine | %d cores, JVM %s, max heap %d MiB |
                | data load (0 when the database was kept from an earlier run) | %.1f s |
                | calls measured (after %,d warm-up calls), random teachers | %,d |
                | mean | %.3f ms |
                | p50 | %.3f ms |
                | p95 | %.3f ms |
                | p99 | %.3f ms |
                | max | %.3f ms |
                """.formatted(LocalDateTime.now().withNano(0), teachers, entries,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), loadSeconds, WARM_UP_CALLS, MEASURED_CALLS,
                mean, percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), millis[millis.length - 1]);
        System.out.println(report);
        Path results = Path.of("bench", "results", "ledger-status.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, report);

        assertThat(percentile(millis, 95)).as("p95 of the status query in ms").isLessThan(TARGET_P95_MILLIS);
    }

    private void loadIfEmpty() {
        loadIfEmpty(jdbc, organisations);
    }

    /**
     * The benchmark province (10 counties of 20 schools, {@value #TEACHERS} teachers, {@value #ENTRIES_PER_TEACHER}
     * entries each), loaded once into the database; also what the completion benchmark measures on.
     */
    public static void loadIfEmpty(JdbcTemplate jdbc, Organisations organisations) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM teacher", Long.class) >= TEACHERS) {
            return;
        }
        List<Long> schoolIds = createSchools(organisations);
        // Teachers: spread over the schools, every tenth one with a last CE certificate (per-teacher cycles, R-08).
        jdbc.execute("CREATE TEMPORARY TABLE bench_school (n INT PRIMARY KEY, school_id BIGINT)");
        for (int i = 0; i < schoolIds.size(); i++) {
            jdbc.update("INSERT INTO bench_school (n, school_id) VALUES (?, ?)", i, schoolIds.get(i));
        }
        jdbc.update("""
                INSERT INTO teacher (staff_number, name, gender, school_id, stage, subject, qualification_cert_no,
                                     hire_date, last_ce_certificate_on, principal_appointed_on, in_post)
                SELECT 'B' || LPAD(CAST(x AS VARCHAR), 9, '0'), '教师' || x, CASE WHEN MOD(x, 2) = 0 THEN '女' ELSE '男' END,
                       s.school_id, 'PRIMARY', '语文', 'Q' || x,
                       DATEADD('DAY', -MOD(x * 37, 9000), DATE '2025-12-31'),
                       CASE WHEN MOD(x, 10) = 0 THEN DATEADD('DAY', -MOD(x * 11, 1500), DATE '2026-06-30') END,
                       NULL, TRUE
                FROM SYSTEM_RANGE(1, ?) r JOIN bench_school s ON s.n = MOD(r.x, ?)
                """, TEACHERS, schoolIds.size());
        // 30 entries a teacher over 2016–2026, in the categories the henan-2016 status adds up.
        jdbc.update("""
                INSERT INTO ledger_entry (teacher_id, entry_date, entry_year, category, claim_kind, hours, units, title,
                                          source_type, source_ref, evidence_number, evidence_key, evidence_files,
                                          decided_by, decided_at, rule_ids, profile_code, profile_version)
                SELECT t.id, DATEADD('DAY', -MOD(t.id * 13 + k.x * 131, 3900), DATE '2026-11-20'),
                       YEAR(DATEADD('DAY', -MOD(t.id * 13 + k.x * 131, 3900), DATE '2026-11-20')),
                       CASE WHEN MOD(k.x, 5) = 0 THEN 'SCHOOL_BASED' ELSE 'GENERAL' END,
                       CASE WHEN MOD(k.x, 5) = 0 THEN 'SCHOOL_BASED' ELSE 'BUREAU_TRAINING' END,
                       CAST(4 + MOD(t.id + k.x, 20) AS DECIMAL(7,2)), 1, '基准测试培训',
                       'IMPORT', 'bench', 'B-' || t.id || '-' || k.x, 'B-' || t.id || '-' || k.x, NULL,
                       'bench', CURRENT_TIMESTAMP, 'R-13', 'henan-2016', 1
                FROM teacher t
                CROSS JOIN SYSTEM_RANGE(1, ?) k
                WHERE t.staff_number LIKE 'B%'
                """, ENTRIES_PER_TEACHER);
        jdbc.execute("ANALYZE");
    }

    private static List<Long> createSchools(Organisations organisations) {
        Organisation province = organisations.createRegion("419000", "基准省", OrganisationLevel.PROVINCE, null, "henan-2016");
        Organisation city = organisations.createRegion("419100", "基准市", OrganisationLevel.CITY, province.getId(), null);
        List<Long> schoolIds = new ArrayList<>();
        for (int c = 1; c <= 10; c++) {
            Organisation county = organisations.createRegion("4191%02d".formatted(c), "基准区" + c,
                    OrganisationLevel.COUNTY, city.getId(), null);
            for (int s = 1; s <= SCHOOLS / 10; s++) {
                Organisation school = organisations.createSchool("4191%02d%04d".formatted(c, s), "基准区" + c + "第" + s + "小学",
                        county.getId(), Set.of(Stage.PRIMARY), SchoolKind.COUNTY_SCHOOL, county.getId());
                schoolIds.add(school.getId());
            }
        }
        return schoolIds;
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static long pick(Random random, long firstId, long lastId) {
        return firstId + (long) (random.nextDouble() * (lastId - firstId + 1));
    }

    private static double percentile(double[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
