package cn.shixun.countyplan;

import cn.shixun.shared.BusinessDate;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The dates of Sanmenxia 五(一): each county files its plan for the year "before 1 April" and the
 * year's hours are registered and audited "before 1 December". Both days count as on time (the
 * deadline ends with the day); a plan filed later is accepted and flagged, not refused — the
 * notice names no sanction, and it was itself issued on 4 April 2023, after the first year's
 * filing date had passed.
 */
public final class FilingCalendar {

    private FilingCalendar() {
    }

    public static LocalDate filingDue(int year) {
        return LocalDate.of(year, 4, 1);
    }

    public static boolean isLate(int year, LocalDate filedOn) {
        return filedOn.isAfter(filingDue(year));
    }

    public static LocalDate registrationDue(int year) {
        return LocalDate.of(year, 12, 1);
    }

    /** The moment a deadline day is over in Beijing: the next day's midnight. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(BusinessDate.ZONE).toInstant();
    }
}
