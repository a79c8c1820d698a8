package cn.shixun.annual;

import cn.shixun.shared.BusinessDate;
import cn.shixun.shared.BusinessRuleException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The dates of a registration year under a profile, from {@link AnnualDeadlineSettings}:
 * Kunming 31 October for the teacher's card (第十四条); Sanmenxia 20 November for the process
 * materials, 1 December for the registration on the platforms, 31 August for promotion candidates.
 * Also this module's "today", read from the business clock.
 */
@Component
@EnableConfigurationProperties(AnnualDeadlineSettings.class)
public class AnnualCalendar {

    /**
     * The dates that apply to one registration. {@code lateUntil}: the last day of the late path (补报) after
     * {@code submission}; null for a promotion candidate, whose date is the promotion's (no late path).
     */
    public record Dates(LocalDate submission, LocalDate schoolReview, LocalDate registration, LocalDate lateUntil,
                        boolean promotion) {

        /** Whether a card submitted on {@code day} is late: after the submission date. */
        public boolean lateOn(LocalDate day) {
            return day.isAfter(submission);
        }

        /** Whether the late path is still open on {@code day}. */
        public boolean lateOpenOn(LocalDate day) {
            return lateUntil != null && lateOn(day) && !day.isAfter(lateUntil);
        }
    }

    private final AnnualDeadlineSettings settings;
    private final Clock clock;

    AnnualCalendar(AnnualDeadlineSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public int remindDaysBefore() {
        return settings.remindDaysBefore();
    }

    /** Whether the profile has annual registration dates configured at all. */
    public boolean configured(String profileCode) {
        return settings.deadlines().containsKey(profileCode);
    }

    /**
     * The dates for {@code year} under the profile; a promotion candidate's dates are the
     * profile's promotion date where it has one (otherwise the flag changes nothing).
     */
    public Dates of(String profileCode, int year, boolean promotionCandidate) {
        AnnualDeadlineSettings.ProfileDates dates = settings.deadlines().get(profileCode);
        if (dates == null) {
            throw BusinessRuleException.violation("R-33", "year", "annual.no-deadlines", profileCode);
        }
        Optional<MonthDay> promotion = Optional.ofNullable(AnnualDeadlineSettings.monthDay(dates.promotion()))
                .filter(day -> promotionCandidate);
        if (promotion.isPresent()) {
            LocalDate due = promotion.get().atYear(year);
            return new Dates(due, due, due, null, true);
        }
        String lateUntil = dates.lateUntil() == null || dates.lateUntil().isBlank() ? "12-31" : dates.lateUntil();
        return new Dates(at(dates.submission(), year), at(dates.schoolReview(), year), at(dates.registration(), year),
                at(lateUntil, year), false);
    }

    /**
     * A late card's dates (补报, filed on {@code filedOn}): the deadline it missed stays; the school's review
     * and the registration are due at least two and three times {@code lateReviewDays} after the filing
     * (the configured day where that is later), after the authority's review of the late filing
     * ({@link #lateReviewDue}), so that no step of a late card is overdue the day it opens.
     */
    public Dates late(Dates dates, LocalDate filedOn) {
        int days = settings.lateReviewDays();
        return new Dates(dates.submission(), latest(dates.schoolReview(), filedOn.plusDays(2L * days)),
                latest(dates.registration(), filedOn.plusDays(3L * days)), dates.lateUntil(), dates.promotion());
    }

    /** The registration authority's review of a late filing (补报审核) is due {@code lateReviewDays} after it. */
    public LocalDate lateReviewDue(LocalDate filedOn) {
        return filedOn.plusDays(settings.lateReviewDays());
    }

    private static LocalDate latest(LocalDate configured, LocalDate earliest) {
        return configured.isAfter(earliest) ? configured : earliest;
    }

    private static LocalDate at(String monthDay, int year) {
        return AnnualDeadlineSettings.monthDay(monthDay).atYear(year);
    }

    /** The end of a due day in Beijing, as the engine's due date. */
    public static Date endOf(LocalDate day) {
        return Date.from(ZonedDateTime.of(day.atTime(23, 59, 59), BusinessDate.ZONE).toInstant());
    }

    /** The reminder before a due day: {@code remindDaysBefore} days earlier, at the same hour. */
    public Date reminderBefore(LocalDate day) {
        return endOf(day.minusDays(settings.remindDaysBefore()));
    }
}
