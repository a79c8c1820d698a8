package cn.shixun.insight.bottlenecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The county forecast (issue 13 item 4): today + ⌈open ÷ (approvals in 14 days ÷ 14)⌉ days, against the deadline. */
class ForecastTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 10, 15);
    private static final LocalDate DEADLINE = LocalDate.of(2026, 12, 1);

    @Test
    void finishesAtTheCurrentPace_roundedUpToAWholeDay() {
        // 28 approvals in 14 days = 2 a day; 45 open take 22.5, so 23 days.
        assertThat(Forecast.of(45, 28, TODAY, DEADLINE))
                .isEqualTo(new Forecast(Forecast.Status.ON_TIME, TODAY.plusDays(23)));
    }

    @Test
    void flaggedTwoWeeksAhead_whenTheFinishFallsWithinTheLastTwoWeeks() {
        // 7 approvals in 14 days = 0.5 a day; 17 open take 34 days: 18 November, within two weeks of 1 December.
        Forecast tight = Forecast.of(17, 7, TODAY, DEADLINE);
        assertThat(tight).isEqualTo(new Forecast(Forecast.Status.TIGHT, LocalDate.of(2026, 11, 18)));
        assertThat(tight.status().flagged()).isTrue();
        // One day earlier is 17 November, exactly two weeks before: not yet flagged.
        assertThat(Forecast.of(33, 14, TODAY, DEADLINE).finish()).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(Forecast.of(33, 14, TODAY, DEADLINE).status()).isEqualTo(Forecast.Status.ON_TIME);
    }

    @Test
    void late_whenTheFinishIsAfterTheDeadline() {
        assertThat(Forecast.of(100, 14, TODAY, DEADLINE))
                .isEqualTo(new Forecast(Forecast.Status.LATE, TODAY.plusDays(100)));
    }

    @Test
    void stalled_whenNothingWasApproved_andDone_whenNothingIsOpen() {
        assertThat(Forecast.of(5, 0, TODAY, DEADLINE)).isEqualTo(new Forecast(Forecast.Status.STALLED, null));
        assertThat(Forecast.of(5, 0, TODAY, DEADLINE).status().flagged()).isTrue();
        assertThat(Forecast.of(0, 0, TODAY, DEADLINE)).isEqualTo(new Forecast(Forecast.Status.DONE, TODAY));
    }

    @Test
    void withoutADeadline_theFinishIsShownUnflagged() {
        Forecast noDeadline = Forecast.of(10, 14, TODAY, null);
        assertThat(noDeadline).isEqualTo(new Forecast(Forecast.Status.NO_DEADLINE, TODAY.plusDays(10)));
        assertThat(noDeadline.status().flagged()).isFalse();
    }
}
