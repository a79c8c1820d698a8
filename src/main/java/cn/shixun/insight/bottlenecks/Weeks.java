package cn.shixun.insight.bottlenecks;

import cn.shixun.shared.BusinessDate;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Weeks run Monday to Sunday in Beijing; a week is named by its Monday. */
final class Weeks {

    private Weeks() {
    }

    static LocalDate of(Instant instant) {
        return of(LocalDate.ofInstant(instant, BusinessDate.ZONE));
    }

    static LocalDate of(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The first instant of {@code day} in Beijing. */
    static Instant start(LocalDate day) {
        return day.atStartOfDay(BusinessDate.ZONE).toInstant();
    }
}
