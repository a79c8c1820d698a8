package cn.shixun.countyplan.process;

import cn.shixun.countyplan.CountyPlans;
import cn.shixun.countyplan.FilingCalendar;
import cn.shixun.tasks.CaseKey;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${countyPlanDeadlines…}} in the model: the notice's dates for the plan's year. The
 * summary and its audit are due by the end of 1 December (Sanmenxia 五(一)); the reminder comes
 * two weeks before. Public: the engine's expression language calls only public methods of public classes.
 */
@Component("countyPlanDeadlines")
public class CountyPlanDeadlines {

    static final Duration REMINDER_BEFORE = Duration.ofDays(14);

    private final CountyPlans plans;

    CountyPlanDeadlines(CountyPlans plans) {
        this.plans = plans;
    }

    public Date registrationDue(DelegateExecution execution) {
        int year = plans.require(CaseKey.of(execution)).year();
        return Date.from(FilingCalendar.endOf(FilingCalendar.registrationDue(year)));
    }

    /** The reminder timer of versions deployed before deadlines were declared on the task ({@code remindBefore}); their running cases still call it. */
    public Date registrationReminder(DelegateExecution execution) {
        return Date.from(registrationDue(execution).toInstant().minus(REMINDER_BEFORE));
    }
}
