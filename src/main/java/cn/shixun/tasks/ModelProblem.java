package cn.shixun.tasks;

/**
 * One reason a model cannot be deployed, as the model guard refuses it at deployment and
 * {@link ModelValidation} reports it before: the element it names, the rule broken and the
 * reason in Chinese and English.
 *
 * @param elementId the id of the element at fault (or of the nearest enclosing element with an id);
 *                  null when the file as a whole is at fault (not XML, a DOCTYPE, not a model)
 * @param ruleId    the rule: the rule book's id where the guard enforces one ({@code R-04}), else the
 *                  guard's own ({@code guard.delegate}, {@code guard.script} …), {@code engine.parse}
 *                  for what the engine's own parse refuses, {@code model.unreadable} for a file that
 *                  is no model
 * @param zh        the reason for a process owner, in Chinese
 * @param en        the same in English
 */
public record ModelProblem(String elementId, String ruleId, String zh, String en) {

    /** The refusal as the deployment words it: {@code UserTask_SchoolReview：中文 / English}. */
    String message(String named) {
        return (named == null ? "" : named + "：") + zh + " / " + en;
    }
}
