package cn.shixun.insight.bottlenecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.shared.BusinessRuleException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The dashboard's date range: both ends or neither, in order, at most a year; the refusal names the field. */
class DashboardRangeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 10, 15);

    @Test
    void noRange_isTheLast12WeeksFromAMonday() {
        assertThat(DashboardFilter.range(null, " ", TODAY))
                .isEqualTo(new DashboardFilter.Range(LocalDate.of(2026, 7, 27), TODAY));
        assertThat(LocalDate.of(2026, 7, 27).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
    }

    @Test
    void aReversedRange_isRefusedNamingFrom() {
        assertThatThrownBy(() -> DashboardFilter.range("2026-10-10", "2026-10-01", TODAY))
                .isInstanceOfSatisfying(BusinessRuleException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("from");
                    assertThat(refused.messageKey()).isEqualTo("dashboard.range.reversed");
                });
    }

    @Test
    void anOpenEndedRange_isRefusedNamingTheMissingEnd() {
        assertThatThrownBy(() -> DashboardFilter.range("2026-10-01", "", TODAY))
                .isInstanceOfSatisfying(BusinessRuleException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("to");
                    assertThat(refused.messageKey()).isEqualTo("dashboard.range.unbounded");
                });
        assertThatThrownBy(() -> DashboardFilter.range(null, "2026-10-01", TODAY))
                .isInstanceOfSatisfying(BusinessRuleException.class, refused -> assertThat(refused.field()).isEqualTo("from"));
    }

    @Test
    void moreThanAYear_orNotADate_isRefused() {
        assertThatThrownBy(() -> DashboardFilter.range("2024-01-01", "2026-10-01", TODAY))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("dashboard.range.too-long"));
        assertThatThrownBy(() -> DashboardFilter.range("2026-13-01", "2026-10-01", TODAY))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refused -> assertThat(refused.field()).isEqualTo("from"));
    }

    @Test
    void aWaitReadsInDaysHoursOrMinutes() {
        assertThat(Durations.text(3 * 86_400 + 43_200, java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("3.5 天");
        assertThat(Durations.text(5_400, java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("1.5 小时");
        assertThat(Durations.text(125, java.util.Locale.ENGLISH)).isEqualTo("2 min");
        assertThat(Durations.days(86_400 + 8_640)).isEqualTo(1.1);
    }
}
