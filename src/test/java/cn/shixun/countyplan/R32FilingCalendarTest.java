package cn.shixun.countyplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Sanmenxia 五(一): plans by 1 April, hours registered and audited by 1 December — each day counted whole. */
class R32FilingCalendarTest {

    @Test
    void R32_aPlanIsDueOn1AprilOfItsYear_andFiledOnThatDayIsOnTime() {
        assertThat(FilingCalendar.filingDue(2027)).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(FilingCalendar.isLate(2027, LocalDate.of(2026, 12, 20))).isFalse();
        assertThat(FilingCalendar.isLate(2027, LocalDate.of(2027, 4, 1))).isFalse();
    }

    @Test
    void R32_aPlanFiledAfter1AprilIsLate_likeEveryPlanOf2023_whoseNoticeCameOut4April() {
        assertThat(FilingCalendar.isLate(2027, LocalDate.of(2027, 4, 2))).isTrue();
        assertThat(FilingCalendar.isLate(2023, LocalDate.of(2023, 4, 4))).isTrue();
    }

    @Test
    void R32_registrationIsDueByTheEndOf1DecemberInBeijing() {
        assertThat(FilingCalendar.registrationDue(2026)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(FilingCalendar.endOf(LocalDate.of(2026, 12, 1))).isEqualTo(
                ZonedDateTime.of(2026, 12, 2, 0, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());
    }
}
