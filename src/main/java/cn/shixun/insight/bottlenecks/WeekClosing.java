package cn.shixun.insight.bottlenecks;

import cn.shixun.shared.PendingWork;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Closes the weeks that are over ahead of the dashboard's viewers, on every node's pending-work worker
 * (docs/adr/0008): on Monday morning the first round closes last week, so that the first manager to look does
 * not wait for it (about 2 s a week at a province's size, docs/performance.md). One week a round, the most recent
 * first, among the eleven before this one that the default twelve-week range reads; a week reopened by a late
 * write is closed again the same way. Two nodes on one week: {@link ClosedWeeks#close} lets one of them do it.
 */
@Component
class WeekClosing implements PendingWork {

    /** The weeks before this one in the dashboard's default range. */
    static final int WEEKS = 11;
    private static final Duration CLOCK_SET = Duration.ofMinutes(1);

    private final ClosedWeeks closedWeeks;

    WeekClosing(ClosedWeeks closedWeeks) {
        this.closedWeeks = closedWeeks;
    }

    @Override
    public void startPending() {
        Instant engineNow = DashboardFigures.now();
        // The engine's clock set back: the demo writing its weeks of history (or a test). Closing a week now could
        // race those back-dated writes (docs/adr/0013, left open on H2); the next round closes it.
        if (Duration.between(engineNow, Instant.now()).abs().compareTo(CLOCK_SET) < 0) {
            closeOne(Weeks.of(engineNow));
        }
    }

    /** Closes the most recent of the weeks before {@code thisWeek} that is open; the week closed, if any. */
    Optional<LocalDate> closeOne(LocalDate thisWeek) {
        List<LocalDate> weeks = IntStream.rangeClosed(1, WEEKS).mapToObj(thisWeek::minusWeeks).toList();
        List<LocalDate> closed = closedWeeks.closedAmong(weeks);
        Optional<LocalDate> open = weeks.stream().filter(week -> !closed.contains(week)).findFirst();
        open.ifPresent(closedWeeks::close);
        return open;
    }
}
