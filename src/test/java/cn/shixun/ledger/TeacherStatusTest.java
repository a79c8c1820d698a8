package cn.shixun.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.organisation.Organisations;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.HourCategory;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The status query per profile: requirements R-07..R-11 met or missing, R-16 exemptions. */
@SpringBootTest
class TeacherStatusTest {

    private static final AtomicInteger EVIDENCE = new AtomicInteger();

    @Autowired Ledger ledger;
    @Autowired TeacherStatusQuery status;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired JdbcTemplate jdbc;

    Regions regions;

    @BeforeEach
    void setUp() {
        regions = new Regions(organisations, teachers);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private void credit(Teacher t, Claim.Builder claim) {
        ledger.register(t.getId(), claim.build(), Evidence.project("P", "EV-" + EVIDENCE.incrementAndGet()), "officer");
    }

    @Test
    void R07_R08_zhengzhouCycleFromTheCertificateNeeds360With80SchoolBased() {
        Teacher t = regions.teacher(Regions.ZHENGZHOU, d("2005-09-01"));
        teachers.recordCertificateIssued(t.getId(), d("2021-03-01"));
        credit(t, Claim.of(ClaimKind.SCHOOL_BASED, d("2022-06-01")).hours("60"));
        credit(t, Claim.of(ClaimKind.PROGRAMME_CERTIFIED, d("2023-06-01")).hours("200"));
        credit(t, Claim.of(ClaimKind.PROGRAMME_CERTIFIED, d("2020-06-01")).hours("90")); // previous cycle

        TeacherStatus s = status.statusOf(t.getId(), d("2024-06-01"));
        assertThat(s.profile().code()).isEqualTo("henan-2016");
        assertThat(s.cycle().start()).isEqualTo(d("2021-03-01"));
        assertThat(s.cycle().end()).isEqualTo(d("2026-02-28"));
        assertThat(s.cycle().determinedBy()).contains("2021-03-01");
        assertThat(s.cycleTotal()).isEqualByComparingTo("260");
        assertThat(s.requirement("CYCLE_TOTAL").missing()).isEqualByComparingTo("100");
        assertThat(s.requirement("CYCLE_SCHOOL_BASED").missing()).isEqualByComparingTo("20");
        assertThat(s.requirements()).noneMatch(r -> r.code().startsWith("YEAR_"));
        assertThat(s.allMet()).isFalse();
    }

    @Test
    void R07_xinxiangNeedsNetworkSchoolBased16EveryYear() {
        Teacher t = regions.teacher(Regions.XINXIANG, d("2005-09-01"));
        credit(t, Claim.of(ClaimKind.NETWORK_SCHOOL_BASED, d("2018-12-31")));
        TeacherStatus y2018 = status.statusOf(t.getId(), d("2018-12-31"));
        assertThat(y2018.cycle().start()).isEqualTo(d("2016-01-01"));
        assertThat(y2018.requirement("YEAR_NETWORK_SCHOOL_BASED").met()).isTrue();
        TeacherStatus y2019 = status.statusOf(t.getId(), d("2019-05-01"));
        assertThat(y2019.requirement("YEAR_NETWORK_SCHOOL_BASED").missing()).isEqualByComparingTo("16");
        assertThat(y2019.requirement("CYCLE_SCHOOL_BASED").credited()).isEqualByComparingTo("16");
    }

    @Test
    void R11_xinxiangNewTeacherHiredInFirstHalfOwesThatYear() {
        Teacher t = regions.teacher(Regions.XINXIANG, d("2018-03-01"));
        TeacherStatus s = status.statusOf(t.getId(), d("2018-10-01"));
        assertThat(s.requirement("YEAR_NETWORK_SCHOOL_BASED").required()).isEqualByComparingTo("16");
        assertThat(s.cycle().owedYears()).isEqualTo(3);
        assertThat(s.requirement("CYCLE_TOTAL").required()).isEqualByComparingTo("216");
        assertThat(s.requirement("NEW_TEACHER_FIRST_YEAR").required()).isEqualByComparingTo("120");
    }

    @Test
    void R11_xinxiangNewTeacherHiredInSecondHalfOwesFromTheNextYear() {
        Teacher t = regions.teacher(Regions.XINXIANG, d("2018-08-01"));
        TeacherStatus s = status.statusOf(t.getId(), d("2018-10-01"));
        assertThat(s.requirement("YEAR_NETWORK_SCHOOL_BASED").required()).isEqualByComparingTo("0");
        assertThat(s.requirement("YEAR_NETWORK_SCHOOL_BASED").met()).isTrue();
        assertThat(s.cycle().owedYears()).isEqualTo(2);
        assertThat(s.requirement("CYCLE_TOTAL").required()).isEqualByComparingTo("144");
        assertThat(status.statusOf(t.getId(), d("2019-03-01")).requirement("YEAR_NETWORK_SCHOOL_BASED").missing())
                .isEqualByComparingTo("16");
    }

    @Test
    void R09_kunmingNeeds72EveryYear() {
        Teacher t = regions.teacher(Regions.KUNMING, d("2008-09-01"));
        credit(t, Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-03-01")).approved(true).hours("40"));
        TeacherStatus s = status.statusOf(t.getId(), d("2024-06-01"));
        assertThat(s.cycle().start()).isEqualTo(d("2021-01-01"));
        assertThat(s.requirement("YEAR_TOTAL").missing()).isEqualByComparingTo("32");
        assertThat(s.requirement("CYCLE_TOTAL").missing()).isEqualByComparingTo("320");
        credit(t, Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-04-01")).approved(true).hours("32"));
        assertThat(status.statusOf(t.getId(), d("2024-06-01")).requirement("YEAR_TOTAL").met()).isTrue();
        assertThat(status.statusOf(t.getId(), d("2025-06-01")).requirement("YEAR_TOTAL").missing()).isEqualByComparingTo("72");
    }

    @Test
    void R09_theStatusOnAPastDateCountsOnlyWhatWasEarnedByThen() {
        Teacher t = regions.teacher(Regions.KUNMING, d("2008-09-01"));
        credit(t, Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-03-01")).approved(true).hours("40"));
        credit(t, Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-10-01")).approved(true).hours("32"));
        TeacherStatus inJune = status.statusOf(t.getId(), d("2024-06-01"));
        assertThat(inJune.yearTotal()).isEqualByComparingTo("40");
        assertThat(inJune.cycleTotal()).isEqualByComparingTo("40");
        assertThat(inJune.requirement("YEAR_TOTAL").missing()).isEqualByComparingTo("32");
        assertThat(status.statusOf(t.getId(), d("2024-12-31")).requirement("YEAR_TOTAL").met()).isTrue();
    }

    @Test
    void R09_kunmingNewTeacher120AndNewPrincipal300InTheirFirstYear() {
        Teacher t = regions.teacher(Regions.KUNMING, d("2024-09-01"));
        teachers.appointPrincipal(t.getId(), d("2024-10-01"));
        credit(t, Claim.of(ClaimKind.NEW_TEACHER_TRAINING, d("2024-12-01")).hours("100"));
        credit(t, Claim.of(ClaimKind.PRINCIPAL_TRAINING, d("2025-01-10")).hours("300"));
        TeacherStatus s = status.statusOf(t.getId(), d("2025-03-01"));
        assertThat(s.requirement("NEW_TEACHER_FIRST_YEAR").from()).isEqualTo(d("2024-09-01"));
        assertThat(s.requirement("NEW_TEACHER_FIRST_YEAR").missing()).isEqualByComparingTo("20");
        assertThat(s.requirement("NEW_PRINCIPAL_FIRST_YEAR").met()).isTrue();
        assertThat(status.statusOf(t.getId(), d("2025-10-01")).requirements())
                .noneMatch(r -> r.code().equals("NEW_TEACHER_FIRST_YEAR"));
    }

    @Test
    void R10_sanmenxiaSurplusInOneCategoryCannotFillAnother() {
        Teacher t = regions.teacher(Regions.SANMENXIA, d("2010-09-01"));
        credit(t, Claim.of(ClaimKind.PUBLIC_COURSE, d("2024-05-01")).hours("30"));
        credit(t, Claim.of(ClaimKind.ETHICS_EDUCATION, d("2024-05-02")).hours("10").sessions(3).processMaterials());
        credit(t, Claim.of(ClaimKind.SCHOOL_BASED, d("2024-05-03")).hours("10").processMaterials());
        credit(t, Claim.of(ClaimKind.SUBJECT_TRAINING, d("2024-05-04")).approved(true).hours("60"));
        TeacherStatus s = status.statusOf(t.getId(), d("2024-11-01"));
        assertThat(s.cycle().start()).isEqualTo(d("2023-01-01"));
        assertThat(s.cycle().end()).isEqualTo(d("2025-12-31"));
        assertThat(s.yearTotal()).isEqualByComparingTo("110");
        assertThat(s.requirement("YEAR_TOTAL").met()).isTrue();
        assertThat(s.requirement("YEAR_SUBJECT").met()).isTrue();
        assertThat(s.requirement("YEAR_SCHOOL_BASED").missing()).isEqualByComparingTo("6");
        assertThat(s.yearTotals()).containsKey(HourCategory.SUBJECT);
        assertThat(s.allMet()).isFalse();
    }

    @Test
    void R16_degreeObtainedInTheCycleShowsItsRequirementsMetByExemption() {
        Teacher t = regions.teacher(Regions.XINXIANG, d("2005-09-01"));
        credit(t, Claim.of(ClaimKind.DEGREE_OBTAINED, d("2019-06-30")).from(d("2017-09-01")));
        TeacherStatus s = status.statusOf(t.getId(), d("2019-10-01"));
        assertThat(s.cycleExemptByDegree()).isTrue();
        assertThat(s.requirement("CYCLE_TOTAL").metByExemption()).isTrue();
        assertThat(s.requirement("CYCLE_SCHOOL_BASED").met()).isTrue();
        assertThat(s.requirement("CYCLE_SCHOOL_BASED").note()).contains("R-16");
    }

    @Test
    void R16_degreeStraddlingTwoCyclesExemptsOnlyTheSecond() {
        Teacher t = regions.teacher(Regions.XINXIANG, d("2005-09-01"));
        credit(t, Claim.of(ClaimKind.DEGREE_OBTAINED, d("2021-06-30")).from(d("2019-09-01")));
        TeacherStatus first = status.statusOf(t.getId(), d("2020-06-01"));
        assertThat(first.cycleExemptByDegree()).isFalse();
        assertThat(first.requirement("CYCLE_TOTAL").missing()).isEqualByComparingTo("360");
        TeacherStatus second = status.statusOf(t.getId(), d("2021-07-01"));
        assertThat(second.cycle().start()).isEqualTo(d("2021-01-01"));
        assertThat(second.requirement("CYCLE_TOTAL").metByExemption()).isTrue();
    }

    @Test
    void R16_zhengzhouDegreeWithinTheCertificatesFiveYearsExemptsThatCycleButNotSpecialTraining() {
        Teacher t = regions.teacher(Regions.ZHENGZHOU, d("2005-09-01"));
        teachers.recordCertificateIssued(t.getId(), d("2021-03-01"));
        credit(t, Claim.of(ClaimKind.DEGREE_OBTAINED, d("2023-07-01")).from(d("2021-09-01")));
        credit(t, Claim.of(ClaimKind.SPECIAL_TRAINING, d("2024-05-01")).hours("24"));
        TeacherStatus s = status.statusOf(t.getId(), d("2024-06-01"));
        assertThat(s.cycleExemptByDegree()).isTrue();
        assertThat(s.requirement("CYCLE_TOTAL").metByExemption()).isTrue();
        assertThat(s.cycleTotals()).containsKey(HourCategory.SPECIAL);
        assertThat(s.requirement("CYCLE_TOTAL").note()).contains("不含特殊专项培训");
        TeacherStatus nextCycle = status.statusOf(t.getId(), d("2026-06-01"));
        assertThat(nextCycle.cycleExemptByDegree()).isFalse();
    }

    /** The plan's shape differs by database (one text column on H2, a row per table on MariaDB); the index name shows in both. */
    @Test
    void theAggregateIsServedByTheTeacherDateIndex() {
        String plan = jdbc.queryForList("EXPLAIN " + TeacherStatusQuery.aggregateSql(2)
                .replace("?", "DATE '2024-01-01'").replaceFirst("teacher_id = DATE '2024-01-01'", "teacher_id = 1")).toString();
        assertThat(plan.toUpperCase()).contains("IX_LEDGER_TEACHER_DATE");
    }
}
