package cn.shixun.exemption;

import cn.shixun.tasks.AddedReviewStep;

/**
 * The step of issue 12's second "Done when": a city-level review a process owner adds to
 * {@code degreeExemption} after the registration authority's (county's) review, with its result
 * gateway (同意 on to the credit step, 退回修改 to the teacher's amendment, 不同意 to the end). Named
 * here once for the tests that draw it in the console, run cases through it and check that no Java
 * names it ({@code CityRecheckStepNeedsNoJavaTest}). An id no procedure of ours uses
 * ({@code UserTask_CityReview} is a step of countyPlanFiling).
 */
public final class CityRecheckStep {

    public static final String TASK_ID = "UserTask_CityRecheck";
    public static final String NAME = "市级复核";
    /** Where the step goes: on the flow the county's approval takes to the credit step. */
    public static final String AFTER_FLOW = "SequenceFlow_AuthorityApproved";
    public static final AddedReviewStep ADDED = new AddedReviewStep(AFTER_FLOW, TASK_ID, NAME, "cityReview",
            "degreeExemptionReview", "UserTask_Amend", "EndEvent_Rejected");

    private CityRecheckStep() {
    }
}
