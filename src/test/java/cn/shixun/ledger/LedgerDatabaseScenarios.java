package cn.shixun.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.Accounts;
import cn.shixun.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The persistence scenarios that must behave the same on every database the system supports:
 * the subclasses run this very body on H2 ({@link LedgerOnH2Test}) and on a real MariaDB
 * ({@link LedgerOnMariaDbIT}). Both contexts load the demo data; each scenario registers hours
 * only for demo teachers nobody has used yet, and adds no organisations or teachers, so the
 * demo-data tests sharing the H2 context still see the demo as generated.
 */
abstract class LedgerDatabaseScenarios {

    /** Demo teachers handed out so far in this JVM (a context, and its database, lives for the run). */
    private static final Set<Long> USED = new HashSet<>();
    private static final String KUNMING = "5301";
    private static final String ZHENGZHOU = "4101";

    @Autowired Clock clock;
    @Autowired Ledger ledger;
    @Autowired TeacherStatusQuery statusQuery;
    @Autowired Teachers teachers;
    @Autowired JdbcTemplate jdbc;
    @Autowired Flyway flyway;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired HistoryService history;
    @Autowired WebApplicationContext context;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;

    @Test
    void schemaIsBuiltByFlywayAndTheEngineWithTheDecisionTablesDeployed() {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).allSatisfy(m -> assertThat(m.getState().isFailed()).as(m.getScript()).isFalse());
        assertThat(flyway.info().pending()).isEmpty();
        MigrationInfo[] all = flyway.info().all();
        assertThat(flyway.info().current().getVersion()).isEqualTo(all[all.length - 1].getVersion());
        assertThat(all).extracting(m -> m.getVersion().getVersion()).contains("1", "10", "20");
        assertThat(management.getTableCount().keySet()).extracting(String::toUpperCase)
                .contains("ACT_GE_PROPERTY", "ACT_RE_DECISION_DEF", "ACT_RU_EXECUTION", "ACT_HI_DECINST");
        assertThat(management.getProperties()).containsEntry("historyLevel", "3");
        assertThat(repository.createDecisionDefinitionQuery().latestVersion().list())
                .extracting(d -> d.getKey())
                .contains("creditRules", "cycleRules", "requirements", "recognisedCertificates");
    }

    @Test
    void demoTeacherStatusAddsUpTheDemoLedger() {
        // 伏牛路小学's teacher 001: no process scenario sharing the demo context credits this one.
        Teacher teacher = teachers.findByStaffNumber("4101020001001").orElseThrow();
        LocalDate today = LocalDate.now(clock);
        TeacherStatus status = statusQuery.statusOf(teacher.getId(), today);

        // Teacher 001 of every school has the Henan bundle for this year: 16 school-based + 56 programme hours.
        assertThat(status.profile().code()).isEqualTo("henan-2016");
        assertThat(status.yearTotal()).isEqualByComparingTo("72");
        assertThat(status.yearTotal()).isEqualByComparingTo(sum(teacher.getId(), "entry_year = " + today.getYear()));
        assertThat(status.cycleTotal()).isEqualByComparingTo(sum(teacher.getId(),
                "entry_date BETWEEN DATE '" + status.cycle().start() + "' AND DATE '" + status.cycle().end() + "'"));
        assertThat(status.cycleTotal()).isGreaterThanOrEqualTo(status.yearTotal());
    }

    @Test
    void chineseTextRoundTripsIncludingCharactersOutsideTheBasicPlane() {
        assertThat(jdbc.queryForObject("SELECT name FROM organisation WHERE code = '4101050001'", String.class))
                .isEqualTo("郑州市金水区文化路第一小学");
        Teacher teacher = unusedTeacher(KUNMING);
        // 𠮷 (U+20BB7) needs four bytes: it survives only in a real utf8mb4 column and connection.
        String title = "𠮷野区级语文培训（第二期）";
        LedgerEntry entry = ledger.register(teacher.getId(), Claim.of(ClaimKind.BUREAU_TRAINING, LocalDate.of(2024, 3, 5)).approved(true)
                        .from(LocalDate.of(2024, 3, 1)).days(3).title(title).build(),
                Evidence.project("P-中文", "昆教培〔2024〕1号"), "县级审核员");
        var row = jdbc.queryForMap("SELECT title, evidence_number, decided_by, explanation FROM ledger_entry WHERE id = ?",
                entry.getId());
        assertThat(row.get("title")).isEqualTo(title);
        assertThat(row.get("evidence_number")).isEqualTo("昆教培〔2024〕1号");
        assertThat(row.get("decided_by")).isEqualTo("县级审核员");
        assertThat(row.get("explanation")).isEqualTo(entry.explanation());
        assertThat(entry.explanation()).containsPattern("\\p{IsHan}");
    }

    @Test
    void R40_registrationWritesOneEntryAndTheSameEvidenceAgainIsAConflictThatWritesNothing() {
        Teacher teacher = unusedTeacher(ZHENGZHOU);
        Claim claim = Claim.of(ClaimKind.PROGRAMME_CERTIFIED, LocalDate.of(2024, 6, 1)).hours("40").build();
        LedgerEntry entry = ledger.register(teacher.getId(), claim, Evidence.project("GP-1", "HN-DB-1"), "officer");
        assertThat(entry.hours()).isEqualByComparingTo("40");
        assertThat(rows(teacher.getId())).isEqualTo(1);

        refusedAndNothingWritten(teacher.getId(),
                () -> ledger.register(teacher.getId(), claim, Evidence.project("GP-1", " HN-DB-1 "), "officer"), "R-40",
                BusinessRuleException.Kind.CONFLICT);
    }

    @Test
    void R40_evidenceNumbersDifferingOnlyByCaseFullWidthFormsOrAnInvisibleCharacterAreTheSameCertificate() {
        Teacher teacher = unusedTeacher(ZHENGZHOU);
        Claim claim = Claim.of(ClaimKind.PROGRAMME_CERTIFIED, LocalDate.of(2024, 6, 1)).hours("8").build();
        LedgerEntry entry = ledger.register(teacher.getId(), claim, Evidence.project("GP-N", "ＡＢＣ-1"), "officer");
        var row = jdbc.queryForMap("SELECT evidence_number, evidence_norm, evidence_key FROM ledger_entry WHERE id = ?",
                entry.getId());
        assertThat(row.get("evidence_number")).as("kept as typed, for display").isEqualTo("ＡＢＣ-1");
        assertThat(row.get("evidence_norm")).isEqualTo("ABC-1");
        assertThat(row.get("evidence_key")).isEqualTo("ABC-1");

        for (String variant : List.of("abc-1", "ABC\u200b-1", "ABC-1", "A B C－1", "\ufeffAbc\u2060-1\u200d")) {
            BusinessRuleException refused = refusedAndNothingWritten(teacher.getId(),
                    () -> ledger.register(teacher.getId(), claim, Evidence.project("GP-N", variant), "officer"), "R-40",
                    BusinessRuleException.Kind.CONFLICT);
            assertThat(refused.field()).as(variant).isEqualTo("evidenceNumber");
        }
        refusedAndNothingWritten(teacher.getId(),
                () -> ledger.register(teacher.getId(), claim, Evidence.project("GP-N", "\u200b\u2060"), "officer"), "R-40",
                BusinessRuleException.Kind.RULE_VIOLATION);
        assertThat(ledger.registerOnce(teacher.getId(), claim, Evidence.project("GP-N", "abc-1"), "officer").getId())
                .as("a retried credit of the same source finds its entry whatever the number's spelling")
                .isEqualTo(entry.getId());
        assertThat(rows(teacher.getId())).isEqualTo(1);
    }

    @Test
    void R40_theMigrationNormalisesExistingKeysAndKeepsEntriesThatNowCollide() throws Exception {
        Teacher teacher = unusedTeacher(ZHENGZHOU);
        long lower = oldStyleEntry(teacher.getId(), "PROJECT", "abc-7", "abc-7");
        // Spaces and another dash: what MariaDB's case- and width-blind collation did not already refuse.
        long spaced = oldStyleEntry(teacher.getId(), "PROJECT", "A B C\u20137", "A B C\u20137");
        long legacy = oldStyleEntry(teacher.getId(), "IMPORT", "纸质ａ-1", "纸质ａ-1|2010|GENERAL");

        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            V115__EvidenceNumberKeys.normalise(connection);
            return null;
        });
        assertThat(jdbc.queryForList("SELECT evidence_key FROM ledger_entry WHERE teacher_id = ? ORDER BY id", String.class,
                teacher.getId())).containsExactly("ABC-7", "ABC-7#2", "纸质A-1|2010|GENERAL");
        assertThat(jdbc.queryForList("SELECT evidence_norm FROM ledger_entry WHERE teacher_id = ? ORDER BY id",
                String.class, teacher.getId())).containsExactly("ABC-7", "ABC-7", "纸质A-1");
        assertThat(jdbc.queryForList("SELECT evidence_number FROM ledger_entry WHERE id IN (?, ?, ?) ORDER BY id",
                String.class, lower, spaced, legacy)).as("as typed").containsExactly("abc-7", "A B C\u20137", "纸质ａ-1");
        assertThat(sum(teacher.getId(), "1 = 1")).as("both colliding entries stay credited").isEqualByComparingTo("3");

        refusedAndNothingWritten(teacher.getId(), () -> ledger.register(teacher.getId(),
                Claim.of(ClaimKind.PROGRAMME_CERTIFIED, LocalDate.of(2024, 6, 1)).hours("8").build(),
                Evidence.project("GP-M", "Abc-7"), "officer"), "R-40", BusinessRuleException.Kind.CONFLICT);
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
            V115__EvidenceNumberKeys.normalise(connection);
            return null;
        });
        assertThat(jdbc.queryForList("SELECT evidence_key FROM ledger_entry WHERE teacher_id = ? ORDER BY id", String.class,
                teacher.getId())).as("run again: unchanged").containsExactly("ABC-7", "ABC-7#2", "纸质A-1|2010|GENERAL");
    }

    /** A row as versions before V114 wrote it: the typed number as its key, no normalised number. */
    private long oldStyleEntry(Long teacherId, String sourceType, String number, String key) {
        jdbc.update("""
                INSERT INTO ledger_entry (teacher_id, entry_date, entry_year, category, claim_kind, hours, units,
                  source_type, source_ref, evidence_number, evidence_key, decided_by, decided_at)
                VALUES (?, DATE '2010-12-31', 2010, 'GENERAL', 'LEGACY', 1, 0, ?, 'old', ?, ?, 'old-version',
                  TIMESTAMP '2020-01-01 00:00:00')""", teacherId, sourceType, number, key);
        return jdbc.queryForObject("SELECT MAX(id) FROM ledger_entry WHERE teacher_id = ?", Long.class, teacherId);
    }

    @Test
    void R01_teacherWithoutCertificateIsRefusedAndNothingWritten() {
        Long uncertified = jdbc.queryForObject("SELECT MIN(id) FROM teacher WHERE qualification_cert_no IS NULL", Long.class);
        refusedAndNothingWritten(uncertified, () -> ledger.register(uncertified,
                Claim.of(ClaimKind.PROGRAMME_CERTIFIED, LocalDate.of(2024, 6, 1)).hours("40").build(),
                Evidence.project("GP-1", "HN-DB-R01"), "officer"), "R-01", BusinessRuleException.Kind.RULE_VIOLATION);
    }

    @Test
    void R40_correctionAppendsAReversalAndAReplacement() {
        Teacher teacher = unusedTeacher(ZHENGZHOU);
        LedgerEntry original = ledger.register(teacher.getId(),
                Claim.of(ClaimKind.PROGRAMME_CERTIFIED, LocalDate.of(2024, 6, 1)).hours("40").build(),
                Evidence.project("GP-1", "HN-DB-2"), "officer");
        List<LedgerEntry> written = ledger.correct(original.getId(), "证书学时应为36",
                Claim.of(ClaimKind.PROGRAMME_CERTIFIED, LocalDate.of(2024, 6, 1)).hours("36").build(), null, "auditor");

        assertThat(written).extracting(LedgerEntry::hours).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("-40"), new BigDecimal("36"));
        assertThat(written.get(0).reversesEntryId()).isEqualTo(original.getId());
        assertThat(jdbc.queryForObject("SELECT hours FROM ledger_entry WHERE id = ?", BigDecimal.class, original.getId()))
                .isEqualByComparingTo("40");
        assertThat(sum(teacher.getId(), "1 = 1")).isEqualByComparingTo("36");
        refusedAndNothingWritten(teacher.getId(), () -> ledger.correct(original.getId(), "再冲一次", null, null, "auditor"),
                "R-40", BusinessRuleException.Kind.CONFLICT);
    }

    /** Regression: the preview's read-only transaction once made the engine write decision history, which MariaDB refuses. */
    @Test
    void previewThroughTheApiAnswersAndWritesNothingNotEvenDecisionHistory() throws Exception {
        Teacher teacher = unusedTeacher(KUNMING);
        long decisionsBefore = history.createHistoricDecisionInstanceQuery().count();
        // A reviewer of the teacher's city: the preview names a teacher, so it checks the caller's scope.
        String reviewer = "ledger.city.km";
        if (!accounts.exists(reviewer)) {
            accounts.createAccount(reviewer, "secret-123", "市审核员", Role.CITY_REVIEWER,
                    organisations.findByCode("530100").orElseThrow().getId());
        }
        MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build()
                .perform(post("/api/ledger/preview").with(user(reviewer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"teacherId":%d,"claim":{"kind":"BUREAU_TRAINING","approvedByEducationAuthority":true,"startDate":"2024-03-01",
                                 "endDate":"2024-03-03","days":3}}""".formatted(teacher.getId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hours").value(24.0))
                .andExpect(jsonPath("$.decision.key").value("creditRules"));
        assertThat(history.createHistoricDecisionInstanceQuery().count()).isEqualTo(decisionsBefore);
        assertThat(rows(teacher.getId())).isZero();
    }

    /** Two registrations at once for one teacher: the teacher row lock makes the second see the first (cap 48 a year). */
    @Test
    void R17_concurrentRegistrationsCannotBothFitUnderTheYearlyCap() throws Exception {
        Teacher teacher = unusedTeacher(KUNMING);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<LedgerEntry>> runs = pool.invokeAll(List.<Callable<LedgerEntry>>of(
                    () -> schoolBased(teacher, "SB-RACE-1", start),
                    () -> schoolBased(teacher, "SB-RACE-2", start),
                    () -> {
                        start.countDown();
                        return null;
                    }), 60, TimeUnit.SECONDS);
            for (Future<LedgerEntry> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sum(teacher.getId(), "1 = 1")).isEqualByComparingTo("48");
        assertThat(jdbc.queryForList("SELECT hours FROM ledger_entry WHERE teacher_id = ? ORDER BY id", BigDecimal.class,
                teacher.getId())).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("40"), new BigDecimal("8"));
    }

    private LedgerEntry schoolBased(Teacher teacher, String evidence, CountDownLatch start) throws InterruptedException {
        start.await();
        return ledger.register(teacher.getId(), Claim.of(ClaimKind.SCHOOL_BASED, LocalDate.of(2024, 5, 1)).hours("40").build(),
                Evidence.project("SB", evidence), "school");
    }

    private BusinessRuleException refusedAndNothingWritten(Long teacherId, Runnable action, String ruleId,
                                                           BusinessRuleException.Kind kind) {
        int before = rows(teacherId);
        long decisionsBefore = history.createHistoricDecisionInstanceQuery().count();
        BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class, action::run);
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.ruleId()).isEqualTo(ruleId);
        assertThat(refused.kind()).isEqualTo(kind);
        assertThat(rows(teacherId)).isEqualTo(before);
        assertThat(history.createHistoricDecisionInstanceQuery().count()).isEqualTo(decisionsBefore);
        return refused;
    }

    private int rows(Long teacherId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE teacher_id = ?", Integer.class, teacherId);
    }

    private BigDecimal sum(Long teacherId, String condition) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(hours), 0) FROM ledger_entry WHERE teacher_id = ? AND " + condition,
                BigDecimal.class, teacherId);
    }

    /** A registrable demo teacher hired long ago, in the given city, with an empty ledger and not handed out before. */
    private Teacher unusedTeacher(String cityPrefix) {
        List<Long> candidates = jdbc.queryForList("""
                SELECT t.id FROM teacher t
                WHERE t.staff_number LIKE ? AND t.hire_date < DATE '2015-01-01'
                  AND NOT EXISTS (SELECT 1 FROM ledger_entry e WHERE e.teacher_id = t.id)
                ORDER BY t.staff_number""", Long.class, cityPrefix + "%");
        synchronized (USED) {
            Teacher teacher = candidates.stream().filter(id -> !USED.contains(id)).map(teachers::require)
                    .filter(Teacher::isRegistrable).findFirst()
                    .orElseThrow(() -> new AssertionError("no unused demo teacher left in " + cityPrefix));
            USED.add(teacher.getId());
            return teacher;
        }
    }
}
