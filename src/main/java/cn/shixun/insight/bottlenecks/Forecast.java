package cn.shixun.insight.bottlenecks;

import java.time.LocalDate;

/**
 * When a county's open registration tasks will be done at its current pace: {@code open} tasks, each needing at
 * least one more decision, done at the rate of the last {@link #WINDOW_DAYS} days' approvals per day; finished on
 * today + ⌈open ÷ rate⌉ days. Flagged when that is later than two weeks before the notice's deadline
 * ({@link #MARGIN_DAYS}), so a county that will miss it is named two weeks ahead; flagged too when nothing was
 * approved in the window while tasks are open.
 */
record Forecast(Status status, LocalDate finish) {

    static final int WINDOW_DAYS = 14;
    static final int MARGIN_DAYS = 14;

    enum Status {
        DONE, ON_TIME, TIGHT, LATE, STALLED, NO_DEADLINE;

        public boolean flagged() {
            return this == TIGHT || this == LATE || this == STALLED;
        }
    }

    static Forecast of(long open, long approvedInWindow, LocalDate today, LocalDate deadline) {
        if (open == 0) {
            return new Forecast(Status.DONE, today);
        }
        if (approvedInWindow == 0) {
            return new Forecast(Status.STALLED, null);
        }
        // ⌈open ÷ (approved ÷ window)⌉ in whole numbers.
        long days = (open * WINDOW_DAYS + approvedInWindow - 1) / approvedInWindow;
        LocalDate finish = today.plusDays(days);
        if (deadline == null) {
            return new Forecast(Status.NO_DEADLINE, finish);
        }
        if (finish.isAfter(deadline)) {
            return new Forecast(Status.LATE, finish);
        }
        return new Forecast(finish.isAfter(deadline.minusDays(MARGIN_DAYS)) ? Status.TIGHT : Status.ON_TIME, finish);
    }
}
