package cn.shixun.tasks.web;

import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.StepLevel;
import java.time.Instant;
import java.util.List;

/**
 * An open step of a case in a procedure's API: what the model names it, whether it is a review or a
 * submission, and which level it waits for (docs/casework.md §3a).
 */
public record OpenStepView(String key, String name, CaseTask.Kind kind, StepLevel level, String levelLabel,
                           Instant due) {

    public static List<OpenStepView> of(CaseProgress progress) {
        return progress.openSteps().stream().map(step -> new OpenStepView(step.key(), step.name(), step.kind(),
                step.level(), step.level().label(), step.due())).toList();
    }
}
