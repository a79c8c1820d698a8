package cn.shixun.policy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.organisation.Stage;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Cycle arithmetic with the cycle rules read from cycleRules.dmn. */
class CyclesTest {

    private static CycleRule rule(TeacherPolicy teacher) {
        return FileDecisions.INSTANCE.cycleRule(teacher.key());
    }

    @Test
    void R08_zhengzhouCycleStartsAtTheLastCertificateAndLastsFiveYears() {
        TeacherPolicy t = Fixtures.zhengzhou(Stage.PRIMARY);
        Cycle cycle = Cycles.cycleOn(rule(t), t, LocalDate.of(2020, 6, 1));
        assertThat(cycle.start()).isEqualTo(LocalDate.of(2018, 3, 15));
        assertThat(cycle.end()).isEqualTo(LocalDate.of(2023, 3, 14));
        assertThat(cycle.type()).isEqualTo(CycleRule.CycleType.PER_TEACHER);
        assertThat(cycle.determinedBy()).contains("2018-03-15");
    }

    @Test
    void R08_zhengzhouExpiredCertificateRollsOn() {
        TeacherPolicy t = Fixtures.zhengzhou(Stage.PRIMARY);
        Cycle cycle = Cycles.cycleOn(rule(t), t, LocalDate.of(2024, 1, 1));
        assertThat(cycle.start()).isEqualTo(LocalDate.of(2023, 3, 15));
        assertThat(cycle.determinedBy()).contains("顺延");
    }

    @Test
    void R08_zhengzhouNewTeacherWithoutCertificateStartsAtHire() {
        TeacherPolicy t = new TeacherPolicy(9L, Fixtures.HENAN, Fixtures.ZHENGZHOU, Stage.PRIMARY,
                LocalDate.of(2022, 9, 1), null, null);
        Cycle cycle = Cycles.cycleOn(rule(t), t, LocalDate.of(2023, 1, 1));
        assertThat(cycle.start()).isEqualTo(LocalDate.of(2022, 9, 1));
        assertThat(cycle.end()).isEqualTo(LocalDate.of(2027, 8, 31));
    }

    @Test
    void R08_xinxiangHasOneCalendarCycleForEveryone() {
        TeacherPolicy t = Fixtures.xinxiang(LocalDate.of(2001, 9, 1));
        Cycle cycle = Cycles.cycleOn(rule(t), t, LocalDate.of(2019, 6, 1));
        assertThat(cycle.start()).isEqualTo(LocalDate.of(2016, 1, 1));
        assertThat(cycle.end()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(cycle.owedYears()).isEqualTo(5);
    }

    @Test
    void R10_sanmenxiaCycleIs2023To2025() {
        TeacherPolicy t = Fixtures.sanmenxia();
        Cycle cycle = Cycles.cycleOn(rule(t), t, LocalDate.of(2024, 6, 1));
        assertThat(cycle.start()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(cycle.end()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void R11_xinxiangNewTeacherHiredInFirstHalfOwesThatYear() {
        TeacherPolicy t = Fixtures.xinxiang(LocalDate.of(2018, 6, 30));
        assertThat(Cycles.firstOwedYear(rule(t), t.hireDate())).isEqualTo(2018);
        assertThat(Cycles.cycleOn(rule(t), t, LocalDate.of(2019, 1, 1)).owedYears()).isEqualTo(3);
    }

    @Test
    void R11_xinxiangNewTeacherHiredOnNewYearsDayOwesThatYear() {
        TeacherPolicy t = Fixtures.xinxiang(LocalDate.of(2019, 1, 1));
        assertThat(Cycles.firstOwedYear(rule(t), t.hireDate())).isEqualTo(2019);
        assertThat(Cycles.cycleOn(rule(t), t, LocalDate.of(2019, 1, 1)).owedYears()).isEqualTo(2);
    }

    @Test
    void R11_xinxiangNewTeacherHiredInSecondHalfOwesFromNextYear() {
        TeacherPolicy t = Fixtures.xinxiang(LocalDate.of(2018, 7, 1));
        assertThat(Cycles.firstOwedYear(rule(t), t.hireDate())).isEqualTo(2019);
        Cycle cycle = Cycles.cycleOn(rule(t), t, LocalDate.of(2019, 1, 1));
        assertThat(cycle.owedYears()).isEqualTo(2);
        assertThat(cycle.determinedBy()).contains("下半年入职次年起算");
    }

    @Test
    void R11_zhengzhouNewTeachersFirstCycleIsTheFiveYearsFromHireThatOweThe360Hours() {
        TeacherPolicy t = new TeacherPolicy(9L, Fixtures.HENAN, Fixtures.ZHENGZHOU, Stage.PRIMARY,
                LocalDate.of(2020, 3, 1), null, null);
        Cycle lastDayOfTheFifthYear = Cycles.cycleOn(rule(t), t, LocalDate.of(2025, 2, 28));
        assertThat(lastDayOfTheFifthYear.start()).isEqualTo(LocalDate.of(2020, 3, 1));
        assertThat(lastDayOfTheFifthYear.end()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(Cycles.cycleOn(rule(t), t, LocalDate.of(2025, 3, 1)).start()).isEqualTo(LocalDate.of(2025, 3, 1));
    }

    @Test
    void R11_zhengzhouNewTeacherOwesFromTheHireDate() {
        TeacherPolicy t = new TeacherPolicy(9L, Fixtures.HENAN, Fixtures.ZHENGZHOU, Stage.PRIMARY,
                LocalDate.of(2022, 9, 1), null, null);
        assertThat(Cycles.firstOwedYear(rule(t), t.hireDate())).isEqualTo(2022);
    }
}
