package cn.shixun.annual;

import java.time.MonthDay;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The annual registration's dates per policy profile ({@code shixun.annual.deadlines.<profile>}
 * in application.yml), so that a region changes them without a code change:
 * {@code submission} — the last day a card may be submitted or a school may declare;
 * {@code school-review} — the school's review is due; {@code registration} — the authority's
 * review and registration is due; {@code promotion} — for a teacher up for title promotion the
 * whole registration is due by this day (Sanmenxia 五(二): 8月31日), where the region sets one.
 * {@code late-until} — the last day a late card (补报, with its reason) is taken after {@code submission}; the
 * notices say nothing of late registration, so this is the region's choice (absent: 31 December).
 * Dates are month-day strings such as {@code "10-31"}.
 *
 * @param remindDaysBefore how many days before a due date the reminder timer fires
 * @param lateReviewDays   a late card's steps are each given at least this many days after it is filed
 * @param deadlines        by profile code
 */
@ConfigurationProperties("shixun.annual")
record AnnualDeadlineSettings(Integer remindDaysBefore, Integer lateReviewDays, Map<String, ProfileDates> deadlines) {

    record ProfileDates(String submission, String schoolReview, String registration, String promotion,
                        String lateUntil) {
    }

    AnnualDeadlineSettings {
        remindDaysBefore = remindDaysBefore == null ? 7 : remindDaysBefore;
        lateReviewDays = lateReviewDays == null ? 7 : lateReviewDays;
        deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
    }

    static MonthDay monthDay(String value) {
        return value == null || value.isBlank() ? null : MonthDay.parse("--" + value.strip());
    }
}
