package cn.shixun.annual;

import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Where registrations stand, read from their process (ADR 0011, docs/casework.md §3a): the record
 * keeps only that it is open or how it ended; which steps are open, with the names and levels the
 * model gives them, is the engine's.
 */
@Component
public class RegistrationProgress {

    /** An open step among several registrations (a batch's), as the model names it, and how many wait at it. */
    public record StepCount(CaseProgress.OpenStep step, long registrations) {
    }

    private final CaseTasks tasks;

    RegistrationProgress(CaseTasks tasks) {
        this.tasks = tasks;
    }

    /** The registration's open user tasks, oldest first: one read for what a page or view shows of them. */
    public List<CaseTask> openTasks(Long id) {
        return tasks.openTasks(AnnualRegistrations.PROCESS_KEY, String.valueOf(id));
    }

    /** What the registration's status reads: its open steps (学校逐项审查中, 待补充登记材料) or how it ended. */
    public String statusLabel(AnnualRegistration registration) {
        return registration.status().isOpen() ? CaseProgress.of(openTasks(registration.getId())).label()
                : registration.status().label();
    }

    /** Where each registration stands, in their order, from one read of their open tasks (a list page, a batch). */
    public Map<Long, CaseProgress> of(Collection<AnnualRegistration> registrations) {
        return tasks.progressOf(AnnualRegistrations.PROCESS_KEY,
                registrations.stream().map(AnnualRegistration::getId).toList());
    }

    /** The steps the open ones among {@code registrations} wait at, in the order first met, each with how many wait there. */
    public List<StepCount> stepCounts(Collection<AnnualRegistration> registrations) {
        Map<String, List<CaseProgress.OpenStep>> byKey = of(registrations.stream()
                .filter(registration -> registration.status().isOpen()).toList()).values().stream()
                .flatMap(progress -> progress.openSteps().stream())
                .collect(Collectors.groupingBy(CaseProgress.OpenStep::key, LinkedHashMap::new, Collectors.toList()));
        return byKey.values().stream().map(steps -> new StepCount(steps.get(0), steps.size())).toList();
    }
}
