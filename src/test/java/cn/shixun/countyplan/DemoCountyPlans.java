package cn.shixun.countyplan;

import cn.shixun.organisation.Organisations;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.CaseTasks;
import java.time.Clock;
import org.springframework.context.ApplicationContext;

/** Runs the demo county plans in a test context, where the cases in flight are off (see {@link CountyPlanDemoData}). */
public final class DemoCountyPlans {

    private DemoCountyPlans() {
    }

    public static void file(ApplicationContext context) {
        new CountyPlanDemoData(context.getBean(CountyPlans.class), context.getBean(CountyPlanRepository.class),
                context.getBean(CaseTasks.class), context.getBean(Organisations.class), context.getBean(Accounts.class),
                context.getBean(Clock.class))
                .run(null);
    }
}
