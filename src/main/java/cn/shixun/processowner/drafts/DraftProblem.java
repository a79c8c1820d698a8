package cn.shixun.processowner.drafts;

import cn.shixun.policy.DecisionPolicyChecks;
import cn.shixun.tasks.ModelProblem;

/**
 * One problem of a draft as the editor marks it beside its element (bpmn-js) or rule (dmn-js).
 *
 * @param elementId the element or DMN rule id; null when the file as a whole is at fault
 * @param ruleId    the rule broken: an R-xx of the rule book, a model-guard rule ({@code guard.*}),
 *                  {@code engine.parse}, {@code model.unreadable}, a policy check ({@code policy.*})
 *                  or {@code draft.form-missing}
 * @param zh        the reason in Chinese
 * @param en        the reason in English
 */
public record DraftProblem(String elementId, String ruleId, String zh, String en) {

    static DraftProblem of(ModelProblem problem) {
        return new DraftProblem(problem.elementId(), problem.ruleId(), problem.zh(), problem.en());
    }

    static DraftProblem of(DecisionPolicyChecks.Problem problem) {
        return new DraftProblem(problem.elementId(), problem.ruleId(), problem.zh(), problem.en());
    }
}
