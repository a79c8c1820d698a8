package cn.shixun.shared.web;

import cn.shixun.shared.BusinessDate;
import java.time.format.DateTimeFormatter;

/** How pages write a moment, in Beijing time: a day ({@code 2026-11-20}) or a day and time ({@code 2026-11-20 09:00}). */
public final class PageDates {

    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(BusinessDate.ZONE);
    public static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(BusinessDate.ZONE);

    private PageDates() {
    }
}
