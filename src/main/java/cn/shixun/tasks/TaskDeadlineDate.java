package cn.shixun.tasks;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * When a deadline timer of a user task fires ({@link CaseworkBpmnParse}): the task's due date, as
 * the engine computes it from the task's {@code camunda:dueDate} (a date, an ISO date or an ISO
 * duration from now), less the lead of a reminder. Evaluated as the task starts, when the engine
 * creates the timer, so the due period is written once, on the task.
 */
final class TaskDeadlineDate implements Expression {

    private final Expression dueDate;
    private final Duration before;

    TaskDeadlineDate(Expression dueDate, Duration before) {
        this.dueDate = dueDate;
        this.before = before;
    }

    @Override
    public Object getValue(VariableScope scope) {
        Object due = dueDate.getValue(scope);
        Date at;
        if (due instanceof Date date) {
            at = date;
        } else if (due instanceof String description) {
            at = Context.getProcessEngineConfiguration().getBusinessCalendarManager()
                    .getBusinessCalendar(DueDateBusinessCalendar.NAME).resolveDuedate(description);
        } else {
            throw new ProcessEngineException("due date " + dueDate.getExpressionText() + " is neither a date nor a text: " + due);
        }
        return Date.from(at.toInstant().minus(before));
    }

    @Override
    public void setValue(Object value, VariableScope scope) {
        throw new UnsupportedOperationException("a deadline is read, never written");
    }

    @Override
    public String getExpressionText() {
        return before.isZero() ? "dueDate " + dueDate.getExpressionText()
                : "remindBefore " + before + " dueDate " + dueDate.getExpressionText();
    }

    @Override
    public boolean isLiteralText() {
        return false;
    }
}
