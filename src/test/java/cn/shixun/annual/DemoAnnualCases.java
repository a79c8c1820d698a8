package cn.shixun.annual;

import cn.shixun.organisation.Organisations;
import cn.shixun.tasks.CaseTasks;
import org.springframework.context.ApplicationContext;

/** The demo annual registrations in flight (off in tests), declared on demand for a test of another package. */
public final class DemoAnnualCases {

    private DemoAnnualCases() {
    }

    /** Declares the school's year as the demo does: some cards wait for the county; idempotent. */
    public static void declare(ApplicationContext context, String schoolCode) {
        Organisations organisations = context.getBean(Organisations.class);
        DemoAnnualData demo = new DemoAnnualData(context.getBean(AnnualBatches.class),
                context.getBean(AnnualBatchRepository.class), context.getBean(AnnualRegistrations.class),
                context.getBean(CaseTasks.class), organisations, context.getBean(AnnualCalendar.class));
        demo.declare(organisations.findByCode(schoolCode).orElseThrow());
    }
}
