package cn.shixun.shared;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar the notices and the people who use Shixun live by: Beijing time. "Today" for
 * future-date checks, default status dates and cycle arithmetic is always this date, never the
 * server's own zone (a server on UTC is still on yesterday until 08:00 in Beijing).
 */
public final class BusinessDate {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessDate() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
