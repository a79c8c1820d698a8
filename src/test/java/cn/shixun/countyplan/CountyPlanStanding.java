package cn.shixun.countyplan;

import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseStanding;

/** Where a plan stands, as {@link CaseStanding} writes it: {@code OPEN@UserTask_CityReview}, {@code REGISTERED}. */
public final class CountyPlanStanding {

    private CountyPlanStanding() {
    }

    public static String of(CountyPlans plans, Long id) {
        return CaseStanding.of(plans.require(id).status(), CaseProgress.of(plans.openTasks(id)));
    }
}
