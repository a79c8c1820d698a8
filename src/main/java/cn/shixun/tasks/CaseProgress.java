package cn.shixun.tasks;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where an open case stands, read from its process and not kept in the case record: the steps
 * open now, with the names, kinds and levels the model gives them. A procedure's record keeps
 * only that it is open and how it ended; everything in between is the model's, so adding,
 * removing or reordering steps in a model changes what people see with no Java change.
 *
 * @param openSteps the open user tasks, oldest first; empty while the engine runs service steps
 */
public record CaseProgress(List<OpenStep> openSteps) {

    /** What the pages and the API say of a case no step of which is open: the engine is working on it. */
    public static final String PROCESSING = "处理中";

    /**
     * One open step.
     *
     * @param key   the BPMN element, e.g. {@code UserTask_SchoolReview}
     * @param name  the step as the model names it, e.g. 学校审核
     * @param kind  a review or a submission
     * @param level who it waits for
     * @param due   its deadline, if any
     */
    public record OpenStep(String key, String name, CaseTask.Kind kind, StepLevel level, Instant due) {

        static OpenStep of(CaseTask task) {
            return new OpenStep(task.taskKey(), task.name(), task.kind(), StepLevel.of(task.candidateGroups()),
                    task.due());
        }

        /** 学校审核中 for a review, 待修改申请材料 for a submission. */
        public String label() {
            return kind == CaseTask.Kind.REVIEW ? name + "中" : "待" + name;
        }
    }

    public CaseProgress {
        openSteps = List.copyOf(openSteps);
    }

    /** From the case's open tasks, when they have been read already ({@link CaseTasks#openTasks}). */
    public static CaseProgress of(List<CaseTask> openTasks) {
        return new CaseProgress(openTasks.stream().map(OpenStep::of).toList());
    }

    /** What an open case is waiting for, e.g. 学校审核中, or {@link #PROCESSING} between steps. */
    public String label() {
        return openSteps.isEmpty() ? PROCESSING
                : openSteps.stream().map(OpenStep::label).distinct().collect(Collectors.joining("、"));
    }

    /** What a case's status reads: where the process is while the record is open, how it ended after. */
    public String statusLabel(CaseStatus status) {
        return status.isOpen() ? label() : status.label();
    }

    /** Whether a submission step is open: the case is back with whoever submitted it (returned, to amend). */
    public boolean awaitsSubmission() {
        return openSteps.stream().anyMatch(step -> step.kind() == CaseTask.Kind.SUBMISSION);
    }
}
