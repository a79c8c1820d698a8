package cn.shixun.insight.bottlenecks;

import java.util.Arrays;

/**
 * The waits of one step or organisation as they are read, for {@link WaitStats}; with its returns and decisions.
 * Waits read one by one give exact figures; once a closed week's histogram is added, the figures come from the
 * histogram, which reads the same on the page ({@link WaitHistogram}).
 */
final class WaitSample {

    private long[] waits = new long[16];
    private int count;
    private WaitHistogram summarised;
    private long returned;
    private long decided;

    void add(long seconds, String outcome) {
        if (count == waits.length) {
            waits = Arrays.copyOf(waits, count * 2);
        }
        waits[count++] = seconds;
        decided += decisions(outcome);
        returned += returns(outcome);
    }

    /** 1 for a review's decision (approved, returned, rejected), 0 for a submission: the return rate's denominator. */
    static int decisions(String outcome) {
        return "SUBMITTED".equals(outcome) ? 0 : 1;
    }

    /** 1 for a return, the return rate's numerator. */
    static int returns(String outcome) {
        return "RETURNED".equals(outcome) ? 1 : 0;
    }

    /** A closed week's waits, with its returns among its decisions. */
    void addSummary(WaitHistogram histogram, long returnedThere, long decidedThere) {
        if (summarised == null) {
            summarised = new WaitHistogram();
        }
        summarised.addAll(histogram);
        returned += returnedThere;
        decided += decidedThere;
    }

    WaitStats stats() {
        if (summarised == null) {
            return WaitStats.of(waits, count);
        }
        WaitHistogram all = new WaitHistogram();
        all.addAll(summarised);
        for (int i = 0; i < count; i++) {
            all.add(waits[i]);
        }
        return all.stats();
    }

    long returned() {
        return returned;
    }

    long decided() {
        return decided;
    }
}
