package cn.shixun.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.organisation.Stage;
import cn.shixun.policy.CycleRule;
import cn.shixun.policy.DecisionRef;
import cn.shixun.policy.HourCategory;
import cn.shixun.policy.PolicyProfile;
import cn.shixun.policy.Requirement;
import cn.shixun.policy.TeacherPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The status arithmetic without a database: the windows, the pro-rating and the exemptions that
 * a policy test case relies on, judged on example entries as the status query judges the ledger.
 */
class StatusArithmeticTest {

    private static final PolicyProfile PROFILE = new PolicyProfile("test-profile", 1, LocalDate.of(2016, 1, 1), "测试方案");
    private static final DecisionRef CYCLES = new DecisionRef("cycleRules", 1);
    private static final DecisionRef REQUIREMENTS = new DecisionRef("requirements", 1);
    /** Xinxiang's shape: one calendar cycle 2016-2020, new teachers hired July-December owe from the next year. */
    private static final CycleRule CALENDAR_2016 = new CycleRule(CycleRule.CycleType.CALENDAR, 5, 2016,
            CycleRule.NewTeacherStart.HALF_YEAR, "R-08", CYCLES);

    private static Requirement cycleTotal(String hours) {
        return new Requirement("CYCLE_TOTAL", null, Requirement.Period.CYCLE, new BigDecimal(hours), true, "R-07", "周期总学时", REQUIREMENTS);
    }

    private static Requirement yearly(String code, HourCategory category, String hours, boolean exemptible) {
        return new Requirement(code, category, Requirement.Period.YEAR, new BigDecimal(hours), exemptible, "R-10", code, REQUIREMENTS);
    }

    private static TeacherPolicy teacherHired(String hired) {
        return new TeacherPolicy(7L, PROFILE, "410700", Stage.PRIMARY, LocalDate.parse(hired), null, null);
    }

    private static StatusArithmetic.Entry entry(String date, HourCategory category, String hours) {
        return new StatusArithmetic.Entry(LocalDate.parse(date), category, new BigDecimal(hours));
    }

    private static TeacherStatus status(TeacherPolicy teacher, String date, List<Requirement> requirements,
                                        StatusArithmetic.Entry... entries) {
        return StatusArithmetic.statusOf(teacher, LocalDate.parse(date), CALENDAR_2016, requirements,
                StatusArithmetic.sumsOf(List.of(entries)));
    }

    @Test
    void R11_aTeacherWhoJoinedMidCycleOwesTheShareOfTheYearsHeIsIn() {
        TeacherStatus s = status(teacherHired("2018-03-01"), "2019-06-30", List.of(cycleTotal("360")),
                entry("2018-05-01", HourCategory.GENERAL, "100"));

        TeacherStatus.RequirementStatus total = s.requirement("CYCLE_TOTAL");
        assertThat(total.required()).isEqualByComparingTo("216"); // 360 × 3/5: 2018, 2019, 2020
        assertThat(total.missing()).isEqualByComparingTo("116");
        assertThat(total.note()).contains("3/5");
    }

    @Test
    void R11_hiredInTheSecondHalfOwesNothingForTheHireYear() {
        TeacherStatus s = status(teacherHired("2018-09-01"), "2018-12-31",
                List.of(yearly("YEAR_TOTAL", null, "72", true)));

        assertThat(s.requirement("YEAR_TOTAL").required()).isEqualByComparingTo("0");
        assertThat(s.requirement("YEAR_TOTAL").met()).isTrue();
    }

    @Test
    void R09_entriesDatedAfterTheStatusDateDoNotCountYet() {
        TeacherStatus s = status(teacherHired("2010-09-01"), "2019-06-30", List.of(yearly("YEAR_TOTAL", null, "72", true)),
                entry("2019-03-01", HourCategory.GENERAL, "40"), entry("2019-09-01", HourCategory.GENERAL, "40"));

        assertThat(s.requirement("YEAR_TOTAL").credited()).isEqualByComparingTo("40");
        assertThat(s.requirement("YEAR_TOTAL").missing()).isEqualByComparingTo("32");
    }

    @Test
    void R10_aSurplusInOneCategoryDoesNotFillAnother() {
        TeacherStatus s = status(teacherHired("2010-09-01"), "2019-12-31",
                List.of(yearly("YEAR_PUBLIC", HourCategory.PUBLIC, "30", true), yearly("YEAR_SUBJECT", HourCategory.SUBJECT, "30", true)),
                entry("2019-03-01", HourCategory.PUBLIC, "60"), entry("2019-04-01", HourCategory.SUBJECT, "10"));

        assertThat(s.requirement("YEAR_PUBLIC").met()).isTrue();
        assertThat(s.requirement("YEAR_SUBJECT").missing()).isEqualByComparingTo("20");
        assertThat(s.yearTotal()).isEqualByComparingTo("70");
    }

    @Test
    void R16_aDegreeInTheCycleExemptsOnlyTheRequirementsThatAllowIt() {
        TeacherStatus s = status(teacherHired("2010-09-01"), "2019-12-31",
                List.of(cycleTotal("360"), yearly("YEAR_SPECIAL", HourCategory.SPECIAL, "10", false)),
                entry("2017-07-01", HourCategory.DEGREE_EXEMPTION, "360"));

        assertThat(s.cycleExemptByDegree()).isTrue();
        assertThat(s.requirement("CYCLE_TOTAL").metByExemption()).isTrue();
        assertThat(s.requirement("YEAR_SPECIAL").met()).isFalse();
        assertThat(s.requirement("YEAR_SPECIAL").missing()).isEqualByComparingTo("10");
    }

    @Test
    void R16_aDegreeExemptionIsNotCountedAsEarnedHours() {
        TeacherStatus s = status(teacherHired("2010-09-01"), "2019-12-31",
                List.of(cycleTotal("360"), yearly("YEAR_TOTAL", null, "72", false)),
                entry("2019-03-01", HourCategory.GENERAL, "40"), entry("2019-07-01", HourCategory.DEGREE_EXEMPTION, "360"));

        assertThat(s.yearTotal()).isEqualByComparingTo("40");
        assertThat(s.cycleTotal()).isEqualByComparingTo("40");
        assertThat(s.requirement("CYCLE_TOTAL").metByExemption()).isTrue();
        assertThat(s.requirement("CYCLE_TOTAL").credited()).isEqualByComparingTo("40");
        // A requirement of all hours that the exemption does not cover is not filled by it either.
        assertThat(s.requirement("YEAR_TOTAL").met()).isFalse();
        assertThat(s.requirement("YEAR_TOTAL").missing()).isEqualByComparingTo("32");
        assertThat(s.yearTotals()).containsEntry(HourCategory.DEGREE_EXEMPTION, new BigDecimal("360.00"));
    }

    @Test
    void R09_firstYearRequirementsApplyOnlyInTheFirstYearAfterHiring() {
        Requirement newTeacher = new Requirement("NEW_TEACHER", HourCategory.NEW_TEACHER, Requirement.Period.FIRST_YEAR,
                new BigDecimal("120"), false, "R-09", "新教师", REQUIREMENTS);

        assertThat(status(teacherHired("2019-03-01"), "2019-12-31", List.of(newTeacher),
                entry("2019-05-01", HourCategory.NEW_TEACHER, "50")).requirement("NEW_TEACHER").missing())
                .isEqualByComparingTo("70");
        assertThat(status(teacherHired("2017-03-01"), "2019-12-31", List.of(newTeacher)).requirements()).isEmpty();
    }
}
