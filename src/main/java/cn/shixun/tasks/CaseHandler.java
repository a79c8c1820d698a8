package cn.shixun.tasks;

/**
 * How a procedure module takes part in the casework: one bean per process. The casework calls
 * it inside the transaction that completes a user task, after it has checked who acts and
 * recorded the step in the {@link CaseHistory}; the handler updates the procedure's own
 * record (status, evidence). Throwing a {@code BusinessRuleException} refuses the completion:
 * the task stays open and nothing is written.
 */
public interface CaseHandler {

    /** The process id (= BPMN file name) this handler serves. */
    String processKey();

    /** A reviewer decided on one of the case's review tasks. */
    void decided(CaseTask task, Decision decision, String comment, String actor);

    /** Someone completed one of the case's submission tasks (an amendment, a declaration). */
    default void submitted(CaseTask task, String actor) {
    }

    /**
     * Whether the case's submissions carry data that only the procedure's own pages and API take
     * (a plan, a report, a receipt): then a submission task completed anywhere else, e.g. from
     * Tasklist or engine REST, is refused, because it would pass the step without its
     * record. The procedure sends a submission on with {@link CaseTasks#submit} after storing it.
     */
    default boolean takesSubmissionsOnItsPages() {
        return false;
    }

    /** One line that tells a reviewer what the case is about, e.g. the teacher's name and the subject. */
    default String summary(String caseId) {
        return caseId;
    }

    /**
     * The organisation the case belongs to, from its record: the teacher's or the class's school, the
     * plan's county. {@link CaseRouting} routes the case's tasks from it.
     */
    default java.util.Optional<Long> organisationId(String caseId) {
        return java.util.Optional.empty();
    }

    /** The username that applied, from the record, to whom {@link CaseRouting#applicant} assigns its tasks; empty when an organisation submitted. */
    default java.util.Optional<String> applicant(String caseId) {
        return java.util.Optional.empty();
    }

    /**
     * The group that submitted the case for an organisation (a school's administrators, a county's
     * reviewers) and works its submission steps: it hears of the case's decisions and results.
     */
    default java.util.Optional<cn.shixun.security.CandidateGroup> submitters(String caseId) {
        return java.util.Optional.empty();
    }

    /** The teacher the case is about, if it is one teacher's: the workbench shows their hours beside the task. */
    default java.util.Optional<Long> teacherId(String caseId) {
        return java.util.Optional.empty();
    }

    /**
     * The procedure's own page for the case (e.g. {@code /school-classes/12}), where the whole case is shown
     * and its submission steps are filled in; the workbench links to it beside the task.
     */
    default java.util.Optional<String> casePage(String caseId) {
        return java.util.Optional.empty();
    }
}
