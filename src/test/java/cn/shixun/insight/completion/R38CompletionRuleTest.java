package cn.shixun.insight.completion;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.ledger.StatusArithmetic;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.CycleRule;
import cn.shixun.policy.DecisionRef;
import cn.shixun.policy.HourCategory;
import cn.shixun.policy.PolicyProfile;
import cn.shixun.policy.Requirement;
import cn.shixun.policy.TeacherPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R-38 (Kunming 第十八条): who counts, the rate, and the 10% boundary, on statuses computed by the
 * ledger's own arithmetic from example entries (a Kunming-like profile: 72 hours a year, 120 in
 * a new teacher's first year; a Henan-like one: 360 in the cycle, exemptible by a degree).
 */
class R38CompletionRuleTest {

    private static final LocalDate YEAR_END = LocalDate.of(2025, 12, 31);
    private static final PolicyProfile PROFILE = new PolicyProfile("test-profile", 1, LocalDate.of(2015, 1, 1), "测试方案");
    private static final DecisionRef REQUIREMENTS = new DecisionRef("requirements", 1);
    private static final CycleRule CALENDAR = new CycleRule(CycleRule.CycleType.CALENDAR, 5, 2021,
            CycleRule.NewTeacherStart.HIRE_DATE, "R-09", new DecisionRef("cycleRules", 1));
    private static final CycleRule HALF_YEAR = new CycleRule(CycleRule.CycleType.CALENDAR, 5, 2021,
            CycleRule.NewTeacherStart.HALF_YEAR, "R-11", new DecisionRef("cycleRules", 1));
    private static final Requirement YEAR_72 = new Requirement("YEAR_TOTAL", null, Requirement.Period.YEAR,
            new BigDecimal("72"), false, "R-09", "每年不少于72学时", REQUIREMENTS);
    private static final Requirement NEW_120 = new Requirement("NEW_TEACHER_FIRST_YEAR", HourCategory.NEW_TEACHER,
            Requirement.Period.FIRST_YEAR, new BigDecimal("120"), false, "R-09", "新任教师当年不少于120学时", REQUIREMENTS);
    private static final Requirement CYCLE_360 = new Requirement("CYCLE_TOTAL", null, Requirement.Period.CYCLE,
            new BigDecimal("360"), true, "R-07", "五年周期不少于360学时", REQUIREMENTS);
    private static final CompletionRule.Facts IN_POST = new CompletionRule.Facts(true, true, null);

    private static TeacherStatus kunming(String hired, String hoursThisYear) {
        return status(CALENDAR, hired, List.of(YEAR_72, NEW_120, CYCLE_360),
                List.of(new StatusArithmetic.Entry(LocalDate.of(2025, 6, 1), HourCategory.GENERAL, new BigDecimal(hoursThisYear))));
    }

    private static TeacherStatus status(CycleRule rule, String hired, List<Requirement> requirements,
                                        List<StatusArithmetic.Entry> entries) {
        TeacherPolicy policy = new TeacherPolicy(1L, PROFILE, "530100", Stage.PRIMARY, LocalDate.parse(hired), null, null);
        return StatusArithmetic.statusOf(policy, YEAR_END, rule, requirements, StatusArithmetic.sumsOf(entries));
    }

    private static List<Standing> school(int met, int shortCount) {
        List<Standing> standings = new ArrayList<>();
        for (int i = 0; i < met; i++) {
            standings.add(CompletionRule.standing(IN_POST, kunming("2010-09-01", "72"), Basis.YEAR, YEAR_END));
        }
        for (int i = 0; i < shortCount; i++) {
            standings.add(CompletionRule.standing(IN_POST, kunming("2010-09-01", "40"), Basis.YEAR, YEAR_END));
        }
        return standings;
    }

    @Test
    void r38_tenCountedOneShortIsExactlyTenPercentAndFlagged() {
        Figures figures = CompletionRule.figures(school(9, 1));

        assertThat(figures.counted()).isEqualTo(10);
        assertThat(figures.shortShare()).isEqualByComparingTo("10.0");
        assertThat(figures.rate()).isEqualByComparingTo("90.0");
        assertThat(figures.belowR38()).isTrue();
    }

    @Test
    void r38_elevenCountedOneShortIsNinePointOnePercentAndNotFlagged() {
        Figures figures = CompletionRule.figures(school(10, 1));

        assertThat(figures.counted()).isEqualTo(11);
        assertThat(figures.shortShare()).isEqualByComparingTo("9.1");
        assertThat(figures.rate()).isEqualByComparingTo("90.9");
        assertThat(figures.belowR38()).isFalse();
    }

    @Test
    void r38_nobodyCountedIsNeitherRatedNorFlagged() {
        Figures figures = CompletionRule.figures(List.of(Standing.notCounted(Standing.NotCounted.LEFT_POST)));

        assertThat(figures.counted()).isZero();
        assertThat(figures.notCounted()).isEqualTo(1);
        assertThat(figures.rate()).isNull();
        assertThat(figures.belowR38()).isFalse();
    }

    @Test
    void r38_aShortTeacherCarriesEachRequirementMissedWithTheHoursShort() {
        Standing standing = CompletionRule.standing(IN_POST, kunming("2010-09-01", "40"), Basis.YEAR, YEAR_END);

        assertThat(standing.kind()).isEqualTo(Standing.Kind.SHORT);
        assertThat(standing.shortfalls()).singleElement().satisfies(s -> {
            assertThat(s.code()).isEqualTo("YEAR_TOTAL");
            assertThat(s.required()).isEqualByComparingTo("72");
            assertThat(s.credited()).isEqualByComparingTo("40");
            assertThat(s.missing()).isEqualByComparingTo("32");
        });
    }

    @Test
    void r38_aNewTeacherOwesTheFirstYearsTrainingToo() {
        Standing standing = CompletionRule.standing(IN_POST, kunming("2025-03-01", "80"), Basis.YEAR, YEAR_END);

        assertThat(standing.kind()).isEqualTo(Standing.Kind.SHORT);
        assertThat(standing.shortfalls()).extracting(Shortfall::code).containsExactly("NEW_TEACHER_FIRST_YEAR");
    }

    @Test
    void r38_aTeacherWhoLeftPostByYearEndIsNotCountedButOneWhoLeftLaterIs() {
        TeacherStatus shortOfHours = kunming("2010-09-01", "10");

        Standing leftInYear = CompletionRule.standing(new CompletionRule.Facts(true, false, LocalDate.of(2025, 11, 30)),
                shortOfHours, Basis.YEAR, YEAR_END);
        Standing leftAfter = CompletionRule.standing(new CompletionRule.Facts(true, false, LocalDate.of(2026, 1, 15)),
                shortOfHours, Basis.YEAR, YEAR_END);

        assertThat(leftInYear.reason()).isEqualTo(Standing.NotCounted.LEFT_POST);
        assertThat(leftAfter.kind()).isEqualTo(Standing.Kind.SHORT);
    }

    @Test
    void r38_aTeacherWithoutQualificationCertificateIsNotCounted() {
        Standing standing = CompletionRule.standing(new CompletionRule.Facts(false, true, null),
                kunming("2010-09-01", "0"), Basis.YEAR, YEAR_END);

        assertThat(standing.reason()).isEqualTo(Standing.NotCounted.NOT_CERTIFIED);
    }

    @Test
    void r38_aDegreeExemptTeacherIsExemptNotShortAndCountsInTheDenominator() {
        TeacherStatus exempt = status(CALENDAR, "2010-09-01", List.of(CYCLE_360), List.of(
                new StatusArithmetic.Entry(LocalDate.of(2024, 7, 1), HourCategory.DEGREE_EXEMPTION, new BigDecimal("360"))));
        List<Standing> standings = new ArrayList<>(List.of(CompletionRule.standing(IN_POST, exempt, Basis.CYCLE, YEAR_END)));
        TeacherStatus shortOfCycle = status(CALENDAR, "2010-09-01", List.of(CYCLE_360), List.of());
        for (int i = 0; i < 9; i++) {
            standings.add(CompletionRule.standing(IN_POST, shortOfCycle, Basis.CYCLE, YEAR_END));
        }

        Figures figures = CompletionRule.figures(standings);

        assertThat(standings.get(0).kind()).isEqualTo(Standing.Kind.EXEMPT);
        assertThat(figures.counted()).isEqualTo(10);
        assertThat(figures.exempt()).isEqualTo(1);
        assertThat(figures.rate()).isEqualByComparingTo("10.0");
    }

    @Test
    void r38_aProfileWithoutAYearlyMinimumCountsNobodyInTheYearTable() {
        TeacherStatus henan = status(CALENDAR, "2010-09-01", List.of(CYCLE_360), List.of());

        assertThat(CompletionRule.standing(IN_POST, henan, Basis.YEAR, YEAR_END).reason())
                .isEqualTo(Standing.NotCounted.NO_REQUIREMENT);
        assertThat(CompletionRule.standing(IN_POST, henan, Basis.CYCLE, YEAR_END).kind()).isEqualTo(Standing.Kind.SHORT);
    }

    @Test
    void r11_aXinxiangTeacherHiredInTheSecondHalfOwesNothingThatYearAndIsNotCounted() {
        TeacherStatus hiredInAutumn = status(HALF_YEAR, "2025-09-01", List.of(YEAR_72), List.of());

        assertThat(CompletionRule.standing(IN_POST, hiredInAutumn, Basis.YEAR, YEAR_END).reason())
                .isEqualTo(Standing.NotCounted.NOT_YET_OWED);
    }

    @Test
    void aTeacherWithoutAPolicyOnTheDateIsNotCounted() {
        assertThat(CompletionRule.standing(IN_POST, null, Basis.YEAR, YEAR_END).reason())
                .isEqualTo(Standing.NotCounted.NO_PROFILE);
    }
}
