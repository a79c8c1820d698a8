package cn.shixun.tasks.web;

import cn.shixun.shared.web.PageDates;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseOutcome;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A case's history as every case page and the workbench show it, with the fragment
 * {@code fragments/case-history :: history(lines)} (or {@code :: lines(lines)} inside another card).
 */
@Component
public class CaseHistoryLines {

    /** One line: when, which step, what came of it, the comment (may be null) and who. */
    public record Line(String at, String step, String outcome, String comment, String actor) {

        public static Line of(CaseEvent event) {
            return new Line(PageDates.DAY_TIME.format(event.occurredAt()), event.step(), event.outcome().label(),
                    event.comment(), event.actor());
        }
    }

    private final CaseHistory history;

    CaseHistoryLines(CaseHistory history) {
        this.history = history;
    }

    public List<Line> of(String processKey, String caseId) {
        return from(history.of(processKey, caseId));
    }

    public static List<Line> from(List<CaseEvent> events) {
        return events.stream().map(Line::of).toList();
    }

    /** The last time the case was sent back, for the reviewer's comment above the form that answers it; null if never. */
    public static Line lastReturned(List<CaseEvent> events) {
        return events.stream().filter(event -> event.outcome() == CaseOutcome.RETURNED)
                .reduce((first, second) -> second).map(Line::of).orElse(null);
    }
}
