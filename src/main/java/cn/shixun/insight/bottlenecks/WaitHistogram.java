package cn.shixun.insight.bottlenecks;

import java.util.Map;
import java.util.TreeMap;

/**
 * Waits counted per bucket, for the weeks that are over (V196, {@link ClosedWeeks}): a province's twelve weeks
 * are then a few hundred buckets per step instead of hundreds of thousands of waits. The buckets are as fine as
 * the dashboard shows a wait ({@link Durations}): a minute below an hour; 3 minutes below a day, where both the
 * hours' and the days' tenths change only at multiples of 180 s; a tenth of a day above. Every wait in a bucket
 * therefore reads the same, in text and in days, as the bucket's {@link #representative}, and because bucketing
 * keeps the order, a nearest-rank percentile of the buckets reads exactly as that of the waits themselves.
 */
final class WaitHistogram {

    private static final long MINUTES = Durations.HOUR / Durations.MINUTE;
    private static final long STEP_BELOW_A_DAY = 180;
    private static final long THREE_MINUTE_BUCKETS = (Durations.DAY - Durations.HOUR) / STEP_BELOW_A_DAY;
    private static final long FIRST_DAY_BUCKET = MINUTES + THREE_MINUTE_BUCKETS;

    private final TreeMap<Long, Long> counts = new TreeMap<>();
    private long count;
    private long max;

    static long bucket(long seconds) {
        if (seconds < Durations.HOUR) {
            return Math.max(seconds, 0) / Durations.MINUTE;
        }
        if (seconds < Durations.DAY) {
            return MINUTES + (seconds - Durations.HOUR) / STEP_BELOW_A_DAY;
        }
        return FIRST_DAY_BUCKET + Durations.tenths(seconds, Durations.DAY) - 10;
    }

    /** A wait inside the bucket, away from its edges. */
    static long representative(long bucket) {
        if (bucket < MINUTES) {
            return bucket * Durations.MINUTE;
        }
        if (bucket < FIRST_DAY_BUCKET) {
            return Durations.HOUR + (bucket - MINUTES) * STEP_BELOW_A_DAY + STEP_BELOW_A_DAY / 2;
        }
        return (bucket - FIRST_DAY_BUCKET + 10) * Durations.DAY / 10;
    }

    void add(long seconds) {
        addBucket(bucket(seconds), 1, seconds);
    }

    void addAll(WaitHistogram other) {
        other.counts.forEach((bucket, n) -> counts.merge(bucket, n, Long::sum));
        count += other.count;
        max = Math.max(max, other.max);
    }

    private void addBucket(long bucket, long n, long longest) {
        counts.merge(bucket, n, Long::sum);
        count += n;
        max = Math.max(max, longest);
    }

    /** Median, 90th percentile (nearest rank, as {@link WaitStats#of}) and the exact maximum. */
    WaitStats stats() {
        if (count == 0) {
            return WaitStats.NONE;
        }
        return new WaitStats(Math.toIntExact(count), rank(50), rank(90), max);
    }

    private long rank(int percent) {
        long rank = Math.max((long) Math.ceil(percent / 100.0 * count), 1);
        long seen = 0;
        for (Map.Entry<Long, Long> bucket : counts.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                // The longest wait shares the top bucket: never show more than it.
                return Math.min(representative(bucket.getKey()), max);
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + count);
    }

    /** As stored: "bucket:count" pairs in bucket order, then the longest wait after a '|'. */
    String encode() {
        StringBuilder text = new StringBuilder();
        counts.forEach((bucket, n) -> text.append(text.isEmpty() ? "" : " ").append(bucket).append(':').append(n));
        return text.append('|').append(max).toString();
    }

    static WaitHistogram decode(String text) {
        WaitHistogram histogram = new WaitHistogram();
        int bar = text.lastIndexOf('|');
        long longest = Long.parseLong(text.substring(bar + 1));
        for (String pair : text.substring(0, bar).split(" ")) {
            if (!pair.isEmpty()) {
                int colon = pair.indexOf(':');
                histogram.addBucket(Long.parseLong(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)),
                        longest);
            }
        }
        return histogram;
    }
}
