package cn.shixun.processowner;

import java.time.Instant;

/** A count as of when it was taken: the console's counts are up to {@link CaseCounts#FRESH} old, and say so. */
record Counted<T>(T value, Instant countedAt) {
}
