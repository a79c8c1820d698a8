package cn.shixun.annual;

import static cn.shixun.annual.AnnualFixture.day;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.ClaimKind;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The demo cases in flight, on a school of its own: the county reviewer has cards to register, the school some left. */
@SpringBootTest
class DemoAnnualDataTest {

    @Autowired AnnualBatches batches;
    @Autowired AnnualBatchRepository batchRepository;
    @Autowired AnnualRegistrations registrations;
    @Autowired RegistrationProgress caseProgress;
    @Autowired CaseTasks tasks;
    @Autowired Organisations organisations;
    @Autowired AnnualCalendar calendar;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired Ledger ledger;

    @Test
    void R33_theDemoSchoolHasDeclared_cardsWaitForTheCounty_oneIsReturned_andASecondRunAddsNothing() {
        AnnualFixture data = new AnnualFixture(organisations, teachers, accounts, ledger, "kunming-2015");
        for (int i = 0; i < 5; i++) {
            Teacher teacher = data.teacher();
            data.projectHours(teacher, ClaimKind.BUREAU_TRAINING, "72", day(3, 1));
        }
        DemoAnnualData demo = new DemoAnnualData(batches, batchRepository, registrations, tasks, organisations,
                calendar);

        AnnualBatches.Progress progress = demo.declare(data.schools.countySchool).orElseThrow();

        assertThat(AnnualStanding.count(registrations.ofBatch(progress.batch().getId()), caseProgress))
                .containsOnly(Map.entry("OPEN@UserTask_AmendCard", 1L),
                        Map.entry("OPEN@UserTask_AuthorityReview", 2L),
                        Map.entry("OPEN@UserTask_SchoolReview", 2L));
        List<CaseTask> countyWork = tasks.worklist(data.countyReviewer, AnnualRegistrations.PROCESS_KEY, 0, 50);
        assertThat(countyWork).hasSize(2).allSatisfy(task -> assertThat(task.taskKey())
                .isEqualTo("UserTask_AuthorityReview"));
        assertThat(tasks.summary(countyWork.get(0))).contains("2026年度登记", "72 学时", "达到年度要求");
        assertThat(demo.declare(data.schools.countySchool)).isEmpty();
    }
}
