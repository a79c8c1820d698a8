package cn.shixun.insight.bottlenecks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dashboard's percentiles by the nearest-rank method: always a wait that happened. */
class WaitStatsTest {

    @Test
    void tenWaits_medianIsTheFifth_p90TheNinth_maxTheTenth() {
        long[] waits = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};

        assertThat(WaitStats.of(waits, waits.length)).isEqualTo(new WaitStats(10, 5, 9, 10));
    }

    @Test
    void oddCount_medianIsTheMiddleWait_p90RoundsItsRankUp() {
        long[] waits = {300, 100, 200};

        // Rank ⌈0.5 × 3⌉ = 2 and ⌈0.9 × 3⌉ = 3.
        assertThat(WaitStats.of(waits, 3)).isEqualTo(new WaitStats(3, 200, 300, 300));
    }

    @Test
    void oneWait_isEveryFigure() {
        assertThat(WaitStats.of(new long[] {42}, 1)).isEqualTo(new WaitStats(1, 42, 42, 42));
    }

    @Test
    void onlyTheCountedPartOfTheBufferIsRead_andNoWaitsIsNone() {
        long[] buffer = {7, 3, 0, 0};

        assertThat(WaitStats.of(buffer, 2)).isEqualTo(new WaitStats(2, 3, 7, 7));
        assertThat(WaitStats.of(buffer, 0)).isEqualTo(WaitStats.NONE);
        assertThat(WaitStats.NONE.isEmpty()).isTrue();
    }

    @Test
    void aSampleCountsReturnsAmongDecisions_notSubmissions() {
        WaitSample sample = new WaitSample();
        sample.add(100, "APPROVED");
        sample.add(200, "RETURNED");
        sample.add(300, "SUBMITTED");
        sample.add(400, "REJECTED");
        for (int i = 0; i < 20; i++) {
            sample.add(50, "APPROVED");
        }

        assertThat(sample.returned()).isEqualTo(1);
        assertThat(sample.decided()).isEqualTo(23);
        assertThat(sample.stats().count()).isEqualTo(24);
        assertThat(sample.stats().max()).isEqualTo(400);
    }
}
