package cn.shixun.tasks;

import java.time.Instant;
import java.util.List;

/**
 * An open user task of a case, as the worklist and the APIs show it.
 *
 * @param id              the engine's task id
 * @param processKey      the procedure, e.g. {@code degreeExemption}
 * @param caseId          the case: the process instance's business key (the application's id)
 * @param taskKey         the BPMN element, e.g. {@code UserTask_SchoolReview}
 * @param name            the step as people call it, e.g. 学校审核
 * @param kind            a review (decided) or a submission (filled in and sent)
 * @param candidateGroups who may work on it (ADR 0004), including groups it was escalated to
 * @param assignee        the one person it is assigned to, if any
 * @param created         when it opened
 * @param due             its deadline, if any
 */
public record CaseTask(String id, String processKey, String caseId, String taskKey, String name, Kind kind,
                       List<String> candidateGroups, String assignee, Instant created, Instant due) {

    /** The extension property a user task declares to join the casework, with a {@link Kind} value. */
    public static final String KIND_PROPERTY = "caseTask";

    public enum Kind {
        /** Decided with a {@link Decision}: approve, return, reject. */
        REVIEW,
        /** Filled in and sent on: an application's amendment, a declaration, a report. */
        SUBMISSION;

        /** The {@link #KIND_PROPERTY} value, e.g. {@code review}. */
        public String propertyValue() {
            return name().toLowerCase();
        }

        static Kind ofProperty(String value) {
            for (Kind kind : values()) {
                if (kind.propertyValue().equals(value)) {
                    return kind;
                }
            }
            return null;
        }
    }

    public boolean isOverdue(Instant now) {
        return due != null && due.isBefore(now);
    }
}
