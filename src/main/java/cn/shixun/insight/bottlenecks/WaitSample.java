package cn.shixun.insight.bottlenecks;

import java.util.Arrays;

/** The waits of one step or organisation as they are read, for {@link WaitStats}; with its returns and decisions. */
final class WaitSample {

    private long[] waits = new long[16];
    private int count;
    private long returned;
    private long decided;

    void add(long seconds, String outcome) {
        if (count == waits.length) {
            waits = Arrays.copyOf(waits, count * 2);
        }
        waits[count++] = seconds;
        if (!"SUBMITTED".equals(outcome)) {
            decided++;
            if ("RETURNED".equals(outcome)) {
                returned++;
            }
        }
    }

    WaitStats stats() {
        return WaitStats.of(waits, count);
    }

    long returned() {
        return returned;
    }

    long decided() {
        return decided;
    }
}
