package cn.shixun.tasks;

/**
 * A service task's step that OUR records do not allow (see {@link CaseApprovals}). Deliberately not a
 * {@code BusinessRuleException} nor a {@code BpmnError}: the delegates turn those into the model's
 * refusal paths, while this must stop the process where it is — a synchronous completion rolls
 * back, a job becomes an incident — with nothing written.
 */
public class CaseStepRefused extends RuntimeException {

    CaseStepRefused(String message) {
        super(message);
    }
}
