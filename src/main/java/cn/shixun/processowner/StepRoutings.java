package cn.shixun.processowner;

import java.util.List;

/**
 * The choices of 办理人 in the draft editor's 步骤设置 panel: the methods of {@code tasks.CaseRouting}
 * a user task names, {@code camunda:candidateGroups="${caseRouting.cityReview(execution)}"} for the
 * reviews of one level and {@code camunda:assignee="${caseRouting.applicant(execution)}"} for the
 * applicant's own steps. In the order of the levels, as a process owner reads them; the labels are
 * {@code processowner.step.routing.<method>}. {@code StepRoutingsTest} keeps the list equal to
 * CaseRouting's methods.
 */
final class StepRoutings {

    static final List<String> CHOICES = List.of("schoolReview", "authorityReview", "countyReview", "cityReview",
            "provinceReview", "applicant");

    private StepRoutings() {
    }
}
