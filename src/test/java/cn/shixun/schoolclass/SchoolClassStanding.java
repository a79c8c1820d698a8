package cn.shixun.schoolclass;

import cn.shixun.tasks.CaseProgress;
import java.util.stream.Collectors;

/**
 * Where a school-based class stands, as one string a test compares: how it ended ({@code CREDITED}),
 * or {@code OPEN@} and the keys of its open steps as the process has them
 * ({@code OPEN@UserTask_PlanClass}; {@code OPEN@} between steps: in training, or being credited).
 */
final class SchoolClassStanding {

    private SchoolClassStanding() {
    }

    static String of(SchoolClasses classes, Long id) {
        SchoolClassStatus status = classes.require(id).status();
        if (!status.isOpen()) {
            return status.name();
        }
        return "OPEN@" + classes.progress(id).openSteps().stream().map(CaseProgress.OpenStep::key)
                .collect(Collectors.joining(","));
    }
}
