package cn.shixun.insight.bottlenecks;

import java.util.Locale;

/** A wait as people read it: days with one decimal from a day on, hours below, minutes below an hour. */
final class Durations {

    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;

    private Durations() {
    }

    static String text(long seconds, Locale locale) {
        boolean chinese = !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        if (seconds >= DAY) {
            return String.format(Locale.ROOT, "%.1f", seconds / (double) DAY) + (chinese ? " 天" : " d");
        }
        if (seconds >= HOUR) {
            return String.format(Locale.ROOT, "%.1f", seconds / (double) HOUR) + (chinese ? " 小时" : " h");
        }
        return (seconds / 60) + (chinese ? " 分钟" : " min");
    }

    /** In days, for the charts and spreadsheets. */
    static double days(long seconds) {
        return Math.round(seconds * 10.0 / DAY) / 10.0;
    }
}
