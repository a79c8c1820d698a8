package cn.shixun.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessClockConfigurationTest {

    private final BusinessClockConfiguration configuration = new BusinessClockConfiguration();

    @Test
    void withoutAFixedInstant_theClockIsTheSystemClockInBeijing() {
        Clock clock = configuration.businessClock("");

        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        Instant before = Instant.now();
        assertThat(clock.instant()).isBetween(before, Instant.now());
    }

    @Test
    void aFixedBeijingMorning_isStillTheDayBeforeInUtc_butTodayIsBeijingsDate() {
        Clock clock = configuration.businessClock(" 2026-10-15T07:30+08:00 ");

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-10-14T23:30:00Z"));
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 10, 15));
    }

    @Test
    void aValueThatIsNoDateTimeWithOffset_stopsTheStartNamingTheProperty() {
        assertThatThrownBy(() -> configuration.businessClock("2026-10-15"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shixun.clock.fixed").hasMessageContaining("'2026-10-15'");
    }
}
