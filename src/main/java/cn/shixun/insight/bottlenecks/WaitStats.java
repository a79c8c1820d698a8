package cn.shixun.insight.bottlenecks;

import java.util.Arrays;

/**
 * Median, 90th percentile and maximum of waiting times in seconds, by the nearest-rank method: the p-th
 * percentile of n sorted values is the value at rank ⌈p/100 × n⌉ (so always a wait that happened, never an
 * interpolation); none for no values.
 */
record WaitStats(int count, long median, long p90, long max) {

    static final WaitStats NONE = new WaitStats(0, 0, 0, 0);

    static WaitStats of(long[] waits, int count) {
        if (count == 0) {
            return NONE;
        }
        long[] sorted = Arrays.copyOf(waits, count);
        Arrays.sort(sorted);
        return new WaitStats(count, rank(sorted, 50), rank(sorted, 90), sorted[count - 1]);
    }

    static long rank(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    boolean isEmpty() {
        return count == 0;
    }
}
