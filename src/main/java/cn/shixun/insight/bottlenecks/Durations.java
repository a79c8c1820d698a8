package cn.shixun.insight.bottlenecks;

import java.util.Locale;

/**
 * A wait as people read it: days with one decimal from a day on, hours with one decimal below, whole minutes
 * below an hour. Rounded half up in whole seconds, so that {@link WaitHistogram} can know exactly which waits
 * read alike.
 */
final class Durations {

    static final long MINUTE = 60;
    static final long HOUR = 3600;
    static final long DAY = 24 * HOUR;

    private Durations() {
    }

    static String text(long seconds, Locale locale) {
        boolean chinese = !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        if (seconds >= DAY) {
            return oneDecimal(tenths(seconds, DAY)) + (chinese ? " 天" : " d");
        }
        if (seconds >= HOUR) {
            return oneDecimal(tenths(seconds, HOUR)) + (chinese ? " 小时" : " h");
        }
        return (seconds / MINUTE) + (chinese ? " 分钟" : " min");
    }

    /** In days, for the charts and spreadsheets. */
    static double days(long seconds) {
        return tenths(seconds, DAY) / 10.0;
    }

    /** Tenths of the unit, rounded half up. */
    static long tenths(long seconds, long unit) {
        return (seconds * 10 + unit / 2) / unit;
    }

    private static String oneDecimal(long tenths) {
        return tenths / 10 + "." + tenths % 10;
    }
}
