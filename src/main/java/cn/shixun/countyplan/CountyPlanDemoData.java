package cn.shixun.countyplan;

import cn.shixun.countyplan.PlanDraft.ProjectDraft;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.DemoDataOrder;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * County plans in flight for the demo accounts, filed and decided as those accounts through the
 * same services as the API: 金水区's plan for this year, reviewed by {@code city.reviewer} and
 * filed with the HR bureau, waits for {@code county.reviewer}'s training summary; its plan for
 * next year waits for {@code city.reviewer}'s review. Idempotent: a year that has a plan is left
 * alone; missing accounts or organisations skip with a warning. Like the other procedures' cases in
 * flight it is off in tests ({@code shixun.demo-data.cases-in-flight}), so that the browser test can
 * file 金水区's plan for this year from the start; the demo scenario test runs it itself.
 */
@Component
@Order(DemoDataOrder.PROCESSES)
@ConditionalOnExpression("${shixun.demo-data.enabled:false} and ${shixun.demo-data.cases-in-flight:true}")
class CountyPlanDemoData implements ApplicationRunner {

    static final String COUNTY_CODE = "410105";

    private static final Logger log = LoggerFactory.getLogger(CountyPlanDemoData.class);

    private final CountyPlans plans;
    private final CountyPlanRepository repository;
    private final CaseTasks caseTasks;
    private final Organisations organisations;
    private final Accounts accounts;
    private final Clock clock;

    CountyPlanDemoData(CountyPlans plans, CountyPlanRepository repository, CaseTasks caseTasks,
                       Organisations organisations, Accounts accounts, Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.repository = repository;
        this.caseTasks = caseTasks;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Organisation> county = organisations.findByCode(COUNTY_CODE);
        Optional<CurrentAccount> countyReviewer = accounts.find("county.reviewer");
        Optional<CurrentAccount> cityReviewer = accounts.find("city.reviewer");
        if (county.isEmpty() || countyReviewer.isEmpty() || cityReviewer.isEmpty()) {
            log.warn("Demo county plans skipped: county {} or the demo reviewers are missing", COUNTY_CODE);
            return;
        }
        int year = LocalDate.now(clock).getYear();
        int created = 0;
        if (repository.findByCountyIdAndYear(county.get().getId(), year).isEmpty()) {
            CountyPlan plan = plans.file(countyReviewer.get(), draft(county.get(), year));
            caseTasks.decide(openTask(plan), cityReviewer.get(), Decision.APPROVE, "计划合理，同意备案");
            plans.recordHrFiling(plan.getId(), cityReviewer.get(),
                    new HrFiling("郑州市人力资源和社会保障局", "ZZRS-BA-" + year + "-0105", LocalDate.now(clock)));
            created++;
        }
        if (repository.findByCountyIdAndYear(county.get().getId(), year + 1).isEmpty()) {
            plans.file(countyReviewer.get(), draft(county.get(), year + 1));
            created++;
        }
        log.info("Demo county plans: {} created for {}", created, COUNTY_CODE);
    }

    private String openTask(CountyPlan plan) {
        return caseTasks.openTask(CountyPlans.PROCESS, String.valueOf(plan.getId())).orElseThrow().id();
    }

    private static PlanDraft draft(Organisation county, int year) {
        return new PlanDraft(county.getId(), year, List.of(
                new ProjectDraft(county.name() + year + "年小学语文骨干教师培训", TrainingMode.BLENDED, Stage.PRIMARY, true, 40,
                        "3月：新课标解读（8学时）；4月：名师示范课观摩（8学时）；5月：教学设计工作坊（8学时）"),
                new ProjectDraft(county.name() + year + "年幼儿园教师保教能力提升", TrainingMode.IN_PERSON,
                        Stage.KINDERGARTEN, false, 60, "6月：游戏化教学（12学时）；7月：家园共育（12学时）"),
                new ProjectDraft(county.name() + year + "年特殊教育教师网络研修", TrainingMode.ONLINE,
                        Stage.SPECIAL_EDUCATION, false, 12, "全年：网络课程 16 学时")));
    }
}
