package cn.shixun.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.policy.HourCategory;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.Readable;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Registration, corrections and imports against the real schema and the deployed decision tables. */
@SpringBootTest
class LedgerRegistrationTest {

    @Autowired Clock clock;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired JdbcTemplate jdbc;
    @Autowired HistoryService historyService;

    Regions regions;

    @BeforeEach
    void setUp() {
        regions = new Regions(organisations, teachers);
    }

    private int rows(Long teacherId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE teacher_id = ?", Integer.class, teacherId);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private void refusedAndNothingWritten(Long teacherId, Runnable action, String ruleId, String field) {
        int before = rows(teacherId);
        assertThatThrownBy(action::run).isInstanceOf(BusinessRuleException.class)
                .hasFieldOrPropertyWithValue("ruleId", ruleId)
                .hasFieldOrPropertyWithValue("field", field)
                .satisfies(Readable::inBothLanguages);
        assertThat(rows(teacherId)).isEqualTo(before);
    }

    @Test
    void registrationWritesOneEntryWithProvenanceFromTheDeployedTable() {
        Teacher t = regions.teacher(Regions.KUNMING, d("2008-09-01"));
        LedgerEntry entry = ledger.register(t.getId(),
                Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-03-05")).approved(true).from(d("2024-03-01")).days(3).title("区级语文培训").build(),
                Evidence.project("P-1", "KM-2024-001", "scan/km-2024-001.pdf"), "county-officer");
        assertThat(entry.hours()).isEqualByComparingTo("24.00");
        assertThat(entry.category()).isEqualTo(HourCategory.GENERAL);
        assertThat(entry.decidedBy()).isEqualTo("county-officer");
        assertThat(entry.decisionKey()).isEqualTo("creditRules");
        assertThat(entry.decisionVersion()).isGreaterThanOrEqualTo(1);
        assertThat(entry.profileCode()).isEqualTo("kunming-2015");
        assertThat(entry.ruleIds()).contains("R-13");
        assertThat(entry.evidenceFiles()).containsExactly("scan/km-2024-001.pdf");
        assertThat(rows(t.getId())).isEqualTo(1);
    }

    @Test
    void previewWritesNothingNotEvenDecisionHistoryWhileRegistrationIsAudited() {
        Teacher t = regions.teacher(Regions.KUNMING, d("2008-09-01"));
        Claim claim = Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-05-10")).approved(true).from(d("2024-05-08")).days(3).build();
        long history = historyService.createHistoricDecisionInstanceQuery().count();

        assertThat(ledger.preview(t.getId(), claim).hours()).isEqualByComparingTo("24.00");
        assertThat(historyService.createHistoricDecisionInstanceQuery().count()).isEqualTo(history);
        assertThat(rows(t.getId())).isZero();

        ledger.register(t.getId(), claim, Evidence.project("P-2", "KM-PREVIEW-1"), "officer");
        assertThat(historyService.createHistoricDecisionInstanceQuery().count()).isGreaterThan(history);
    }

    @Test
    void aTrainingFinishedTodayInBeijingIsNotRefusedAsFuture() {
        Teacher t = regions.teacher(Regions.KUNMING, d("2008-09-01"));
        LocalDate today = LocalDate.now(clock);
        LedgerEntry entry = ledger.register(t.getId(), Claim.of(ClaimKind.BUREAU_TRAINING, today).approved(true).hours("8").build(),
                Evidence.project("P-3", "KM-TODAY-1"), "officer");
        assertThat(entry.hours()).isEqualByComparingTo("8.00");
    }

    @Test
    void R01_unregistrableTeacherIsRefusedAndNothingWritten() {
        Teacher t = regions.teacher(Regions.KUNMING, d("2008-09-01"), Stage.PRIMARY, null);
        refusedAndNothingWritten(t.getId(), () -> ledger.register(t.getId(),
                Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-03-05")).approved(true).hours("8").build(),
                Evidence.project("P-1", "KM-R01"), "officer"), "R-01", "teacherId");
    }

    @Test
    void R14_overTenPercentExcellentWritesNothing() {
        Teacher t = regions.teacher(Regions.KUNMING, d("2008-09-01"));
        refusedAndNothingWritten(t.getId(), () -> ledger.register(t.getId(),
                Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-03-05")).approved(true).hours("8").excellent(2, 10).build(),
                Evidence.project("P-1", "KM-R14"), "officer"), "R-14", "excellentCount");
    }

    @Test
    void R40_sameEvidenceTwiceIsAConflictAndWritesNothing() {
        Teacher t = regions.teacher(Regions.ZHENGZHOU, d("2008-09-01"));
        Claim claim = Claim.of(ClaimKind.PROGRAMME_CERTIFIED, d("2024-06-01")).hours("40").build();
        ledger.register(t.getId(), claim, Evidence.project("GP-1", "HN-2024-77"), "officer");
        int before = rows(t.getId());
        assertThatThrownBy(() -> ledger.register(t.getId(), claim, Evidence.project("GP-1", " HN-2024-77 "), "officer"))
                .isInstanceOf(BusinessRuleException.class)
                .hasFieldOrPropertyWithValue("kind", BusinessRuleException.Kind.CONFLICT)
                .hasFieldOrPropertyWithValue("ruleId", "R-40");
        assertThat(rows(t.getId())).isEqualTo(before);
    }

    @Test
    void R40_registerOnceReturnsTheEntryAnEarlierAttemptWroteForTheSameSource() {
        Teacher t = regions.teacher(Regions.ZHENGZHOU, d("2008-09-01"));
        Claim claim = Claim.of(ClaimKind.PROGRAMME_CERTIFIED, d("2024-06-01")).hours("40").build();
        Evidence evidence = new Evidence(SourceType.APPLICATION, "externalTraining/7", "HN-ONCE-1", List.of());

        LedgerEntry first = ledger.registerOnce(t.getId(), claim, evidence, "officer");
        LedgerEntry retried = ledger.registerOnce(t.getId(), claim, evidence, "officer");

        assertThat(retried.getId()).isEqualTo(first.getId());
        assertThat(rows(t.getId())).isEqualTo(1);
    }

    @Test
    void R40_registerOnceCreditsEachEvidenceOfOneSourceAndEachTeacher() {
        Teacher t = regions.teacher(Regions.ZHENGZHOU, d("2008-09-01"));
        Teacher other = regions.teacher(Regions.ZHENGZHOU, d("2008-09-01"));
        Claim claim = Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-06-01")).approved(true).hours("8").build();

        // One county plan credits two of its projects to the same teacher: two entries, not one.
        LedgerEntry first = ledger.registerOnce(t.getId(), claim, Evidence.project("countyPlan/3", "CP3-1"), "city");
        LedgerEntry second = ledger.registerOnce(t.getId(), claim, Evidence.project("countyPlan/3", "CP3-2"), "city");
        LedgerEntry otherTeacher = ledger.registerOnce(other.getId(), claim, Evidence.project("countyPlan/3", "CP3-1"),
                "city");

        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(rows(t.getId())).isEqualTo(2);
        assertThat(otherTeacher.teacherId()).isEqualTo(other.getId());
    }

    @Test
    void R01_registerOnceThrowsTheLedgersRefusalAndWritesNothing() {
        Teacher t = regions.teacher(Regions.KUNMING, d("2008-09-01"), Stage.PRIMARY, null);
        refusedAndNothingWritten(t.getId(), () -> ledger.registerOnce(t.getId(),
                Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-03-05")).approved(true).hours("8").build(),
                Evidence.project("schoolClass/1", "SBC-1"), "officer"), "R-01", "teacherId");
    }

    @Test
    void R40_registerOnceFromTwoThreadsAtOnceWritesOneEntryAndBothGetIt() throws Exception {
        Teacher t = regions.teacher(Regions.KUNMING, d("2008-09-01"));
        Evidence evidence = new Evidence(SourceType.APPLICATION, "degreeExemption/9", "KM-ONCE-RACE", List.of());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Long> ids = new ArrayList<>();
        try {
            List<Future<LedgerEntry>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return ledger.registerOnce(t.getId(),
                            Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-05-01")).approved(true).hours("8").build(), evidence, "county");
                }));
            }
            start.countDown();
            for (Future<LedgerEntry> run : runs) {
                ids.add(run.get(30, TimeUnit.SECONDS).getId());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
        assertThat(rows(t.getId())).isEqualTo(1);
    }

    @Test
    void R40_missingEvidenceIsRefused() {
        Teacher t = regions.teacher(Regions.ZHENGZHOU, d("2008-09-01"));
        refusedAndNothingWritten(t.getId(), () -> ledger.register(t.getId(),
                Claim.of(ClaimKind.PROGRAMME_CERTIFIED, d("2024-06-01")).hours("40").build(),
                Evidence.project("GP-1", " "), "officer"), "R-40", "evidenceNumber");
    }

    @Test
    void R40_theSchemaItselfRefusesTheSameEvidenceKey() {
        Teacher t = regions.teacher(Regions.ZHENGZHOU, d("2008-09-01"));
        String insert = "INSERT INTO ledger_entry (teacher_id, entry_date, entry_year, category, claim_kind, hours, units,"
                + " source_type, evidence_number, evidence_key, decided_by, decided_at)"
                + " VALUES (?, DATE '2024-01-02', 2024, 'GENERAL', 'BUREAU_TRAINING', 8, 1, 'PROJECT', 'X1', 'X1', 'sql', CURRENT_TIMESTAMP)";
        jdbc.update(insert, t.getId());
        assertThatThrownBy(() -> jdbc.update(insert, t.getId())).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void R40_correctionAppendsAReversalAndAReplacementNeverAnUpdate() {
        Teacher t = regions.teacher(Regions.ZHENGZHOU, d("2008-09-01"));
        LedgerEntry original = ledger.register(t.getId(),
                Claim.of(ClaimKind.PROGRAMME_CERTIFIED, d("2024-06-01")).hours("40").build(),
                Evidence.project("GP-1", "HN-2024-88"), "officer");
        List<LedgerEntry> written = ledger.correct(original.getId(), "证书学时应为36",
                Claim.of(ClaimKind.PROGRAMME_CERTIFIED, d("2024-06-01")).hours("36").build(), null, "auditor");
        assertThat(written).hasSize(2);
        assertThat(written.get(0).reversesEntryId()).isEqualTo(original.getId());
        assertThat(written.get(0).hours()).isEqualByComparingTo("-40");
        assertThat(written.get(1).hours()).isEqualByComparingTo("36");
        assertThat(written.get(1).evidenceNumber()).isEqualTo("HN-2024-88");
        assertThat(ledger.require(original.getId()).hours()).isEqualByComparingTo("40");
        BigDecimal net = jdbc.queryForObject("SELECT SUM(hours) FROM ledger_entry WHERE teacher_id = ?", BigDecimal.class, t.getId());
        assertThat(net).isEqualByComparingTo("36");
        refusedAndNothingWritten(t.getId(), () -> ledger.correct(original.getId(), "再冲一次", null, null, "auditor"),
                "R-40", "entryId");
        refusedAndNothingWritten(t.getId(), () -> ledger.correct(written.get(0).getId(), "冲销冲销", null, null, "auditor"),
                "R-40", "entryId");
        refusedAndNothingWritten(t.getId(), () -> ledger.correct(written.get(1).getId(), " ", null, null, "auditor"),
                "R-40", "reason");
    }

    @Test
    void R17_capReachedMidYearCreditsUpToTheCapThenRefuses() {
        Teacher t = regions.teacher(Regions.KUNMING, d("2008-09-01"));
        ledger.register(t.getId(), Claim.of(ClaimKind.SCHOOL_BASED, d("2024-04-01")).hours("40").build(),
                Evidence.project("SB-1", "SB-1"), "school");
        LedgerEntry capped = ledger.register(t.getId(), Claim.of(ClaimKind.SCHOOL_BASED, d("2024-10-01")).hours("20").build(),
                Evidence.project("SB-2", "SB-2"), "school");
        assertThat(capped.hours()).isEqualByComparingTo("8");
        assertThat(capped.explanation()).contains("已达上限");
        refusedAndNothingWritten(t.getId(), () -> ledger.register(t.getId(),
                Claim.of(ClaimKind.SCHOOL_BASED, d("2024-11-01")).hours("4").build(),
                Evidence.project("SB-3", "SB-3"), "school"), "R-17", "kind");
        LedgerEntry nextYear = ledger.register(t.getId(), Claim.of(ClaimKind.SCHOOL_BASED, d("2025-03-01")).hours("4").build(),
                Evidence.project("SB-4", "SB-4"), "school");
        assertThat(nextYear.hours()).isEqualByComparingTo("4");
    }

    @Test
    void R15_threeStudyYearsAtMostAcrossRegistrations() {
        Teacher t = regions.teacher(Regions.KUNMING, d("2008-09-01"));
        for (int year = 2021; year <= 2023; year++) {
            ledger.register(t.getId(), Claim.of(ClaimKind.DEGREE_STUDY_YEAR, d(year + "-07-01")).degree(DegreeLevel.BACHELOR).build(),
                    Evidence.project("DG", "DG-" + year), "county");
        }
        refusedAndNothingWritten(t.getId(), () -> ledger.register(t.getId(),
                Claim.of(ClaimKind.DEGREE_STUDY_YEAR, d("2024-07-01")).degree(DegreeLevel.BACHELOR).build(),
                Evidence.project("DG", "DG-2024"), "county"), "R-15", "units");
    }

    @Test
    void R41_legacyHoursAreImportedWithTheirPaperEvidence() {
        Teacher t = regions.teacher(Regions.ZHENGZHOU, d("2008-09-01"));
        List<LedgerEntry> imported = ledger.importLegacy(t.getId(), List.of(
                new LegacyHours(2015, HourCategory.GENERAL, new BigDecimal("200"), "ZZ-1999-01"),
                new LegacyHours(2016, HourCategory.SCHOOL_BASED, new BigDecimal("60"), "ZZ-1999-01")), "city-office");
        assertThat(imported).hasSize(2);
        assertThat(imported.get(0).sourceType()).isEqualTo(SourceType.IMPORT);
        assertThat(imported.get(0).entryDate()).isEqualTo(d("2015-12-31"));
        assertThat(imported.get(0).ruleIds()).containsExactly("R-41");
        refusedAndNothingWritten(t.getId(), () -> ledger.importLegacy(t.getId(), List.of(
                new LegacyHours(2014, HourCategory.GENERAL, new BigDecimal("10"), "ZZ-2"),
                new LegacyHours(2014, HourCategory.GENERAL, new BigDecimal("-1"), "ZZ-3")), "city-office"),
                "R-41", "items[1].hours");
        refusedAndNothingWritten(t.getId(), () -> ledger.importLegacy(t.getId(), List.of(
                new LegacyHours(2015, HourCategory.GENERAL, new BigDecimal("200"), "ZZ-1999-01")), "city-office"),
                "R-40", "items[0].paperEvidence");
    }

    @Test
    void R17_twoRegistrationsAtOnceCannotBothFitUnderTheCap() throws Exception {
        Teacher t = regions.teacher(Regions.KUNMING, d("2008-09-01"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String evidence = "SB-RACE-" + i;
                runs.add(pool.submit(() -> {
                    start.await();
                    return ledger.register(t.getId(), Claim.of(ClaimKind.SCHOOL_BASED, d("2024-05-01")).hours("40").build(),
                            Evidence.project("SB", evidence), "school");
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        BigDecimal total = jdbc.queryForObject("SELECT SUM(hours) FROM ledger_entry WHERE teacher_id = ?", BigDecimal.class, t.getId());
        assertThat(total).isEqualByComparingTo("48");
    }

    static Stream<Arguments> refusedClaims() {
        return Stream.of(
                Arguments.of("R-12", Regions.SANMENXIA, Claim.of(ClaimKind.PROGRAMME_CERTIFIED, d("2024-06-01")).hours("60"), "processMaterials"),
                Arguments.of("R-13", Regions.ZHENGZHOU, Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-06-01")).approved(true).days(2), "hours"),
                Arguments.of("R-16", Regions.ZHENGZHOU, Claim.of(ClaimKind.DEGREE_OBTAINED, d("2024-06-01")).subjectRelated(false),
                        "subjectRelated"),
                Arguments.of("R-17", Regions.XINXIANG, Claim.of(ClaimKind.SCHOOL_BASED, d("2019-06-01")).hours("8"), "kind"),
                Arguments.of("R-19", Regions.KUNMING, Claim.of(ClaimKind.MASTER_BASE, d("2024-06-01")).role("HELPER"), "role"),
                Arguments.of("R-20", Regions.KUNMING, Claim.of(ClaimKind.FULL_TIME_SUPPORT, d("2024-06-01")), "hours"),
                Arguments.of("R-21", Regions.XINXIANG, Claim.of(ClaimKind.PROFESSIONAL_CERTIFICATE, d("2019-06-01")).hours("20")
                        .certificate("HR_CE_CERTIFICATE"), "certificateKind"),
                Arguments.of("R-22", Regions.XINXIANG, Claim.of(ClaimKind.MOOC, d("2020-06-01")).hours("20").score(90), "realName"),
                Arguments.of("R-23", Regions.KUNMING, Claim.of(ClaimKind.DEGREE_STUDY_YEAR, d("2024-06-01"))
                        .degree(DegreeLevel.BACHELOR).remedial(), "remedial"),
                Arguments.of("R-24", Regions.ZHENGZHOU, Claim.of(ClaimKind.ONLINE_WHOLE_STAFF, d("2019-04-30")).hours("60")
                        .passed(false), "passed"),
                Arguments.of("R-10", Regions.SANMENXIA, Claim.of(ClaimKind.ETHICS_EDUCATION, d("2024-06-01")).hours("10")
                        .processMaterials().sessions(1), "sessions"));
    }

    @ParameterizedTest(name = "{0}: refused on {3}, nothing written")
    @MethodSource("refusedClaims")
    void R10_R24_everyCalculatorRefusalWritesNothing(String ruleId, String city, Claim.Builder claim, String field) {
        Teacher t = regions.teacher(city, d("2005-09-01"));
        refusedAndNothingWritten(t.getId(), () -> ledger.register(t.getId(), claim.build(),
                Evidence.project("P", "REF-" + ruleId + "-" + t.getId()), "officer"), ruleId, field);
    }
}
