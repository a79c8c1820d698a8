package cn.shixun.tasks;

import cn.shixun.security.CandidateGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A service task's step that writes hours or publishes a result, and what OUR records must show
 * before it may: that the case record is run by this process instance, that its status allows the
 * step, and which reviews must have been approved, by which group, in this round. A
 * procedure declares it in its delegate; {@link CaseApprovals#require} checks it. Nothing here
 * trusts a process variable: the groups are computed from the organisation data by the caller.
 */
public final class CaseStep {

    /** Opens a round: the case's own submission at the start, recorded with no task. */
    public static final String START = "";

    private final String processKey;
    private final String caseId;
    private final String name;
    private final List<String> problems = new ArrayList<>();
    private final List<Approval> approvals = new ArrayList<>();

    private CaseStep(String processKey, String caseId, String name) {
        this.processKey = processKey;
        this.caseId = caseId;
        this.name = name;
    }

    /** The step {@code name} (e.g. 登记免修学时) of the case {@code caseId} (its record's id) of {@code processKey}. */
    public static CaseStep of(String processKey, String caseId, String name) {
        return new CaseStep(processKey, caseId, name);
    }

    /**
     * The record names the process instance that runs it: an instance started for another case, by a
     * model nobody of ours started, or with a forged business key, may not act on it.
     */
    public CaseStep runBy(String recordsInstanceId, DelegateExecution execution) {
        if (recordsInstanceId == null || !recordsInstanceId.equals(execution.getProcessInstanceId())) {
            problems.add("案件记录不由本流程实例（" + execution.getProcessInstanceId() + "）办理");
        }
        return this;
    }

    /** The record's status allows the step; {@code statusLabel} says what it is when it does not. */
    public CaseStep inStatus(boolean allowed, String statusLabel) {
        if (!allowed) {
            problems.add("案件状态为「" + statusLabel + "」");
        }
        return this;
    }

    /**
     * The review {@code taskKey} (called {@code taskName}) must have been approved since the latest
     * submission at one of {@code roundOpenedBy} (task keys of submission steps, or {@link #START}) by a
     * member of {@code group} — or of a group above it as far as the task was escalated in that
     * round — and after every approval declared before it.
     */
    public CaseStep approved(String taskKey, String taskName, CandidateGroup group, String... roundOpenedBy) {
        approvals.add(new Approval(taskKey, taskName, group, Set.of(roundOpenedBy)));
        return this;
    }

    String processKey() {
        return processKey;
    }

    String caseId() {
        return caseId;
    }

    String name() {
        return name;
    }

    List<String> problems() {
        return problems;
    }

    List<Approval> approvals() {
        return approvals;
    }

    record Approval(String taskKey, String taskName, CandidateGroup group, Set<String> roundOpenedBy) {
    }
}
