package cn.shixun.annual.process;

import cn.shixun.annual.AnnualCalendar;
import cn.shixun.annual.AnnualRegistration;
import cn.shixun.annual.AnnualRegistrations;
import cn.shixun.tasks.CaseKey;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the model's expressions ask of a registration: the due dates and reminder dates of its
 * reviews from the profile's configured dates ({@code ${annualDeadlines.schoolReviewDue(execution)}}),
 * and who amends a returned card.
 */
@Component("annualDeadlines")
public class AnnualDeadlineExpressions {

    private final AnnualRegistrations registrations;
    private final AnnualCalendar calendar;

    AnnualDeadlineExpressions(AnnualRegistrations registrations, AnnualCalendar calendar) {
        this.registrations = registrations;
        this.calendar = calendar;
    }

    public Date schoolReviewDue(DelegateExecution execution) {
        return AnnualCalendar.endOf(dates(execution).schoolReview());
    }

    /** The reminder timers of versions deployed before deadlines were declared on the task ({@code remindBefore}); their running cases still call these two. */
    public Date schoolReviewReminder(DelegateExecution execution) {
        return calendar.reminderBefore(dates(execution).schoolReview());
    }

    public Date authorityReviewDue(DelegateExecution execution) {
        return AnnualCalendar.endOf(dates(execution).registration());
    }

    public Date authorityReviewReminder(DelegateExecution execution) {
        return calendar.reminderBefore(dates(execution).registration());
    }

    /**
     * {@code Gateway_LateSubmission}: whether the card was filed after the submission date (补报), as our record
     * says — set when it was opened from the configured date, so no variable a caller sets can route it.
     */
    public boolean late(DelegateExecution execution) {
        return registration(execution).late();
    }

    /** {@code UserTask_LateReview}: the authority's review of a late filing is due a few days after it. */
    public Date lateReviewDue(DelegateExecution execution) {
        AnnualRegistration registration = registration(execution);
        return AnnualCalendar.endOf(registrations.lateReviewDue(registration));
    }

    /**
     * A card the teacher submitted goes back to the teacher (the task's assignee); one the
     * school declared goes back to the school's administrators, who collect the missing scan.
     */
    public List<String> amendGroups(DelegateExecution execution) {
        AnnualRegistration registration = registration(execution);
        return registration.applicant() == null ? List.of(registration.schoolGroup()) : List.of();
    }

    private AnnualCalendar.Dates dates(DelegateExecution execution) {
        return registrations.datesOf(registration(execution));
    }

    private AnnualRegistration registration(DelegateExecution execution) {
        return registrations.require(CaseKey.of(execution));
    }

}
