package cn.shixun.countyplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.countyplan.PlanDraft.ProjectDraft;
import cn.shixun.countyplan.PlanSummary.ProjectReport;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.BusinessRuleException.Kind;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Every refusal of filing and reporting names its field and rule
 * and writes nothing: no plan, no process, no history line, no changed summary.
 */
@SpringBootTest
class R32PlanFilingRefusalTest {

    @Autowired Clock clock;
    @Autowired CountyPlans plans;
    @Autowired CaseTasks caseTasks;
    @Autowired RuntimeService runtime;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired EvidenceFiles evidence;

    CountyPlanFixture data;

    @BeforeEach
    void setUp() {
        data = new CountyPlanFixture(organisations, teachers, accounts, evidence, LocalDate.now(clock));
    }

    @Test
    void R04_aCountyOutsideTheCallersScopeIsRefused() {
        assertFilingRefused(data.otherCountyReviewer, data.primaryPlan(), Kind.FORBIDDEN, "R-04", "countyId");
        assertFilingRefused(data.cityReviewer, data.primaryPlan(), Kind.FORBIDDEN, "R-04", "countyId");
        assertFilingRefused(data.schoolAdmin, data.primaryPlan(), Kind.FORBIDDEN, "R-04", "countyId");
    }

    @Test
    void R32_onlyACountyFilesAPlan() {
        PlanDraft forTheCity = new PlanDraft(data.schools.city.getId(), data.year, data.primaryPlan().projects());
        assertFilingRefused(data.cityReviewer, forTheCity, Kind.RULE_VIOLATION, "R-02", "countyId");
    }

    @Test
    void R32_aYearAlreadyFiledIsRefused() {
        plans.file(data.countyReviewer, data.primaryPlan());
        assertThatThrownBy(() -> plans.file(data.countyReviewer, data.primaryPlan()))
                .isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(refusal.ruleId()).isEqualTo("R-32");
                    assertThat(refusal.field()).isEqualTo("year");
                });
        assertThat(plans.ofCounty(data.schools.district.getId(), data.countyReviewer)).hasSize(1);
    }

    @Test
    void R32_aYearOtherThanThisOrTheNextIsRefused() {
        int thisYear = LocalDate.now(clock).getYear();
        for (int year : List.of(thisYear - 1, thisYear + 2)) {
            assertFilingRefused(data.countyReviewer, new PlanDraft(data.schools.district.getId(), year,
                    data.primaryPlan().projects()), Kind.RULE_VIOLATION, "R-32", "year");
        }
    }

    @Test
    void R32_anEmptyPlanIsRefused() {
        assertFilingRefused(data.countyReviewer, new PlanDraft(data.schools.district.getId(), data.year, List.of()),
                Kind.RULE_VIOLATION, "R-32", "projects");
        assertFilingRefused(data.countyReviewer, new PlanDraft(data.schools.district.getId(), data.year, null),
                Kind.RULE_VIOLATION, "R-32", "projects");
    }

    @Test
    void R32_aHeadcountOfZeroOrLessIsRefused() {
        for (int headcount : List.of(0, -5)) {
            assertFilingRefused(data.countyReviewer, data.plan(CountyPlanFixture.project("小学语文", Stage.PRIMARY, false, 40),
                    CountyPlanFixture.project("小学数学", Stage.PRIMARY, false, headcount)),
                    Kind.RULE_VIOLATION, "R-32", "projects[1].headcount");
        }
        assertFilingRefused(data.countyReviewer, data.plan(new ProjectDraft("小学语文", TrainingMode.ONLINE, Stage.PRIMARY,
                false, null, "课程安排")), Kind.RULE_VIOLATION, "R-32", "projects[0].headcount");
    }

    @Test
    void R05_aProjectWhoseStageTheCountyMayNotDesignIsRefused() {
        for (Stage stage : List.of(Stage.SENIOR_HIGH, Stage.JUNIOR_MIDDLE, Stage.VOCATIONAL)) {
            assertFilingRefused(data.countyReviewer, data.plan(CountyPlanFixture.project("学科培训", stage, false, 40)),
                    Kind.RULE_VIOLATION, "R-05", "projects[0].stage");
        }
    }

    @Test
    void R32_incompleteProjectsAreRefused() {
        assertFilingRefused(data.countyReviewer, data.plan(new ProjectDraft("小学语文", null, Stage.PRIMARY, false, 40,
                "课程安排")), Kind.RULE_VIOLATION, "R-32", "projects[0].mode");
        assertFilingRefused(data.countyReviewer, data.plan(new ProjectDraft("小学语文", TrainingMode.ONLINE, Stage.PRIMARY,
                false, 40, " ")), Kind.RULE_VIOLATION, "R-32", "projects[0].courseSchedule");
        assertFilingRefused(data.countyReviewer, data.plan(CountyPlanFixture.project("小学语文", Stage.PRIMARY, false, 40),
                CountyPlanFixture.project("小学语文", Stage.PRIMARY, false, 40)), Kind.CONFLICT, "R-32", "projects[1].name");
    }

    @Test
    void R32_R01_R40_aSummaryWithAnUnknownForeignDoubleOrUnregistrableParticipantIsRefusedAndChangesNothing() {
        Teacher teacher = data.teacher();
        Teacher uncertified = teachers.hire(data.schools.prefix + "U1", "无证教师", "男", data.schools.countySchool.getId(),
                Stage.PRIMARY, "数学", null, LocalDate.of(2020, 9, 1));
        Teacher elsewhere = data.schools.teacherAt(data.schools.cityMiddleSchool, Stage.JUNIOR_MIDDLE);
        CountyPlan plan = plans.file(data.countyReviewer, data.plan(CountyPlanFixture.project("小学英语", Stage.PRIMARY,
                false, 30)));
        caseTasks.decide(caseTasks.openTask(CountyPlans.PROCESS, String.valueOf(plan.getId())).orElseThrow().id(),
                data.cityReviewer, Decision.APPROVE, null);
        plans.recordHrFiling(plan.getId(), data.cityReviewer, new HrFiling("人社局", "RS-1", LocalDate.now(clock)));
        CountyPlan filed = plans.require(plan.getId());
        int historyBefore = plans.history(plan.getId()).size();

        assertSummaryRefused(filed, List.of("NO-SUCH-STAFF"), "R-32", "projects[0].participants[0]");
        assertSummaryRefused(filed, List.of(teacher.staffNumber(), teacher.staffNumber()), "R-40",
                "projects[0].participants[1]");
        assertSummaryRefused(filed, List.of(teacher.staffNumber(), elsewhere.staffNumber()), "R-04",
                "projects[0].participants[1]");
        assertSummaryRefused(filed, List.of(uncertified.staffNumber()), "R-01", "projects[0].participants[0]");
        assertSummaryRefused(filed, List.of(), "R-32", "projects[0].participants");
        LocalDate future = LocalDate.now(clock).plusDays(1);
        ProjectReport tomorrow = new ProjectReport(filed.projects().get(0).getId(), new BigDecimal("8"),
                future, future, data.sheet(), List.of(teacher.staffNumber()));
        if (future.getYear() == filed.year()) {
            assertRefused(() -> plans.reportSummary(filed.getId(), data.countyReviewer,
                    new PlanSummary("总结", List.of(tomorrow))), Kind.RULE_VIOLATION, "R-32", "projects[0].trainingEnd");
        }
        ProjectReport noHours = new ProjectReport(filed.projects().get(0).getId(), BigDecimal.ZERO,
                LocalDate.of(filed.year(), 1, 1), LocalDate.of(filed.year(), 1, 1), data.sheet(),
                List.of(teacher.staffNumber()));
        assertRefused(() -> plans.reportSummary(filed.getId(), data.countyReviewer,
                new PlanSummary("总结", List.of(noHours))), Kind.RULE_VIOLATION, "R-32", "projects[0].deliveredHours");
        // the sign-in sheet is the county's own evidence file: not a typed reference, another county's or a teacher's.
        var neighbour = data.otherCountyReviewer.organisationId();
        for (String sheet : List.of("uploads/sign-in-1.pdf", StoredEvidence.ofOrganisation(evidence, neighbour),
                StoredEvidence.of(evidence, teacher.getId()))) {
            ProjectReport foreign = new ProjectReport(filed.projects().get(0).getId(), new BigDecimal("8"),
                    LocalDate.of(filed.year(), 1, 1), LocalDate.of(filed.year(), 1, 1), sheet,
                    List.of(teacher.staffNumber()));
            assertRefused(() -> plans.reportSummary(filed.getId(), data.countyReviewer,
                    new PlanSummary("总结", List.of(foreign))), Kind.RULE_VIOLATION, "R-40", "projects[0].signInSheet");
        }

        CountyPlan unchanged = plans.require(plan.getId());
        assertThat(CountyPlanStanding.of(plans, plan.getId())).isEqualTo("OPEN@UserTask_SubmitSummary");
        assertThat(unchanged.summarySubmittedAt()).isNull();
        assertThat(unchanged.projects().get(0).deliveredHours()).isNull();
        assertThat(unchanged.projects().get(0).participants()).isEmpty();
        assertThat(plans.history(plan.getId())).hasSize(historyBefore);
        assertThat(caseTasks.openTask(CountyPlans.PROCESS, String.valueOf(plan.getId())).orElseThrow().taskKey())
                .isEqualTo("UserTask_SubmitSummary");
    }

    private void assertSummaryRefused(CountyPlan filed, List<String> participants, String ruleId, String field) {
        assertRefused(() -> plans.reportSummary(filed.getId(), data.countyReviewer,
                data.summary(filed, "16", new ArrayList<>(participants))), null, ruleId, field);
    }

    private void assertFilingRefused(CurrentAccount account, PlanDraft draft, Kind kind, String ruleId, String field) {
        long instancesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(CountyPlans.PROCESS).count();
        int plansBefore = plans.ofCounty(data.schools.district.getId(), data.countyReviewer).size();
        assertRefused(() -> plans.file(account, draft), kind, ruleId, field);
        assertThat(plans.ofCounty(data.schools.district.getId(), data.countyReviewer)).hasSize(plansBefore);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CountyPlans.PROCESS).count())
                .isEqualTo(instancesBefore);
    }

    private static void assertRefused(ThrowingCallable call, Kind kind, String ruleId, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
            if (kind != null) {
                assertThat(refusal.kind()).isEqualTo(kind);
            }
            assertThat(refusal.ruleId()).isEqualTo(ruleId);
            assertThat(refusal.field()).isEqualTo(field);
        });
    }
}
