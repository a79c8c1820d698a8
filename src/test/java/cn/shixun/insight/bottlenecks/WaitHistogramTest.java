package cn.shixun.insight.bottlenecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The closed weeks' histograms ({@link WaitHistogram}) against the waits themselves: every figure the dashboard
 * shows from a histogram reads exactly as the same figure computed from the waits one by one.
 */
class WaitHistogramTest {

    private static final Locale[] BOTH = {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH};

    @Test
    void everyWaitUpToThreeDays_readsAsItsBucketsRepresentative_inTextAndInDays() {
        for (long seconds = 0; seconds <= 3 * Durations.DAY; seconds++) {
            assertReadsAlike(seconds);
        }
    }

    @Test
    void longWaitsUpToAYear_readAsTheirBucketsRepresentative() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            assertReadsAlike(3 * Durations.DAY + (long) (random.nextDouble() * 365 * Durations.DAY));
        }
        // The edges of a tenth of a day: 1.05 d is the first wait shown as 1.1 d.
        assertReadsAlike(Durations.DAY + 4_319);
        assertReadsAlike(Durations.DAY + 4_320);
    }

    @Test
    void bucketsKeepTheOrderOfWaits() {
        long previous = -1;
        for (long seconds = 0; seconds <= 30 * Durations.DAY; seconds += 17) {
            long bucket = WaitHistogram.bucket(seconds);
            assertThat(bucket).isGreaterThanOrEqualTo(previous);
            previous = bucket;
        }
    }

    @Test
    void percentilesOfTheHistogram_readAsThoseOfTheWaits_andCountAndLongestAreExact() {
        Random random = new Random(11);
        for (int sample = 0; sample < 500; sample++) {
            int count = 1 + random.nextInt(300);
            long[] waits = new long[count];
            WaitHistogram histogram = new WaitHistogram();
            for (int i = 0; i < count; i++) {
                // Minutes to weeks, skewed towards the short as real queues are.
                waits[i] = (long) (Math.pow(random.nextDouble(), 3) * 20 * Durations.DAY);
                histogram.add(waits[i]);
            }
            WaitStats exact = WaitStats.of(waits, count);
            WaitStats summarised = histogram.stats();

            assertThat(summarised.count()).isEqualTo(exact.count());
            assertThat(summarised.max()).isEqualTo(exact.max());
            for (Locale locale : BOTH) {
                assertThat(Durations.text(summarised.median(), locale)).isEqualTo(Durations.text(exact.median(), locale));
                assertThat(Durations.text(summarised.p90(), locale)).isEqualTo(Durations.text(exact.p90(), locale));
            }
            assertThat(Durations.days(summarised.p90())).isEqualTo(Durations.days(exact.p90()));
        }
    }

    @Test
    void weeksAddedTogether_equalTheirWaitsInOneHistogram_andSurviveBeingStored() {
        WaitHistogram firstWeek = new WaitHistogram();
        WaitHistogram secondWeek = new WaitHistogram();
        WaitHistogram together = new WaitHistogram();
        long[] waits = {30, 3_700, 3_700, 90_000, 2 * Durations.DAY, 9 * Durations.DAY + 7};
        for (int i = 0; i < waits.length; i++) {
            (i % 2 == 0 ? firstWeek : secondWeek).add(waits[i]);
            together.add(waits[i]);
        }
        WaitHistogram stored = WaitHistogram.decode(firstWeek.encode());
        stored.addAll(WaitHistogram.decode(secondWeek.encode()));

        assertThat(stored.encode()).isEqualTo(together.encode());
        assertThat(stored.stats()).isEqualTo(together.stats());
        assertThat(stored.stats().max()).isEqualTo(9 * Durations.DAY + 7);
        assertThat(WaitHistogram.decode(new WaitHistogram().encode()).stats()).isEqualTo(WaitStats.NONE);
    }

    @Test
    void aSampleWithAClosedWeek_readsAsTheSameWaitsReadOneByOne() {
        long[] closedWeek = {600, 7_200, 200_000};
        long[] thisWeek = {1_000, 500_000};
        WaitHistogram histogram = new WaitHistogram();
        WaitSample mixed = new WaitSample();
        WaitSample exact = new WaitSample();
        for (long wait : closedWeek) {
            histogram.add(wait);
            exact.add(wait, "RETURNED");
        }
        mixed.addSummary(histogram, 3, 3);
        for (long wait : thisWeek) {
            mixed.add(wait, "APPROVED");
            exact.add(wait, "APPROVED");
        }

        assertThat(mixed.stats().count()).isEqualTo(5);
        assertThat(Durations.text(mixed.stats().median(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(Durations.text(exact.stats().median(), Locale.SIMPLIFIED_CHINESE)).isEqualTo("2.0 小时");
        assertThat(mixed.stats().max()).isEqualTo(500_000);
        assertThat(mixed.returned()).isEqualTo(exact.returned()).isEqualTo(3);
        assertThat(mixed.decided()).isEqualTo(exact.decided()).isEqualTo(5);
    }

    private static void assertReadsAlike(long seconds) {
        long representative = WaitHistogram.representative(WaitHistogram.bucket(seconds));
        for (Locale locale : BOTH) {
            if (!Durations.text(representative, locale).equals(Durations.text(seconds, locale))) {
                throw new AssertionError(seconds + " s reads " + Durations.text(seconds, locale) + " but its bucket "
                        + Durations.text(representative, locale));
            }
        }
        if (Durations.days(representative) != Durations.days(seconds)) {
            throw new AssertionError(seconds + " s is " + Durations.days(seconds) + " d but its bucket "
                    + Durations.days(representative) + " d");
        }
    }
}
