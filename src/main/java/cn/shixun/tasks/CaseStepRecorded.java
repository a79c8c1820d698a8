package cn.shixun.tasks;

import java.time.Instant;

/**
 * One step of a case was recorded in its history ({@link CaseHistory#record}). Published inside the
 * step's transaction, so that a listener that writes (the message centre) commits or rolls back with
 * the step itself.
 *
 * @param processKey the procedure, e.g. {@code degreeExemption}
 * @param caseId     the case: the record's id, the process instance's business key
 * @param taskKey    the BPMN element of the step; null when the step names none
 * @param step       the step as people call it, e.g. 学校审核
 * @param outcome    what happened
 * @param comment    the reviewer's or the system's words; null for none
 * @param actor      the username who acted, or {@link CaseHistory#SYSTEM}
 * @param at         when
 */
public record CaseStepRecorded(String processKey, String caseId, String taskKey, String step, CaseOutcome outcome,
                               String comment, String actor, Instant at) {
}
