package cn.shixun.shared;

import java.time.ZoneId;

/**
 * The calendar the notices and the people who use Shixun live by: Beijing time. Dates shown,
 * day boundaries and due days are in this zone; "today" itself comes from the injected
 * business {@link java.time.Clock} ({@link BusinessClockConfiguration}), which is in this zone too.
 */
public final class BusinessDate {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessDate() {
    }
}
