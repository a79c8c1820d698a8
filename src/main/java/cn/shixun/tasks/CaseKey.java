package cn.shixun.tasks;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The case a process instance runs: its business key, the record's id, set by the procedure's own
 * service when it starts the instance. Delegates and expressions read it here, never from a process
 * variable, which a task's completion could have overwritten.
 */
public final class CaseKey {

    private CaseKey() {
    }

    public static Long of(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        try {
            return Long.valueOf(key);
        } catch (NumberFormatException | NullPointerException e) {
            throw new CaseStepRefused("流程实例 " + execution.getProcessInstanceId() + " 没有对应的案件（业务键为 "
                    + key + "）");
        }
    }
}
