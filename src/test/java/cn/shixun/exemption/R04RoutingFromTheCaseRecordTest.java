package cn.shixun.exemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.exemption.process.DegreeExemptionProcess;
import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.tasks.ForgedCompletion;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * R-04, issue 10: who reviews an application is computed on every task from the application and the
 * organisation data ({@code ${caseRouting…}}), so a completion through the engine that carries routing
 * variables of its author's choosing re-routes nothing. The engine's gate that refuses such variables
 * lives elsewhere; these tests send them on purpose, as an engine REST call would.
 */
@SpringBootTest
class R04RoutingFromTheCaseRecordTest {

    @Autowired ProcessEngine engine;
    @Autowired EvidenceFiles evidence;
    @Autowired TaskService taskService;
    @Autowired IdentityService identity;
    @Autowired DegreeExemptions exemptions;
    @Autowired CaseTasks cases;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;

    ExemptionFixture data;
    Teacher teacher;
    CurrentAccount applicant;
    String schoolGroup;
    String countyGroup;

    @BeforeEach
    void setUp() {
        init(engine);
        data = new ExemptionFixture(organisations, teachers, accounts, evidence, "henan-2016");
        teacher = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        applicant = data.accountOf(teacher);
        schoolGroup = "school-admin:" + data.schools.countySchool.code();
        countyGroup = "county-reviewer:" + data.schools.district.code();
    }

    @Test
    void R04_R30_aSchoolAdminWhoRoutesTheAuthorityReviewToItselfCannotApproveIt_andNothingIsCredited() {
        DegreeExemption applied = apply();
        completeAs(data.schoolAdmin.username(), List.of(schoolGroup), openTask(applied).getId(),
                Map.of("decision", "APPROVE", "authorityReviewGroup", schoolGroup));

        Task authorityReview = openTask(applied);
        assertThat(authorityReview.getTaskDefinitionKey()).isEqualTo(DegreeExemptionProcess.AUTHORITY_REVIEW);
        assertThat(candidateGroups(authorityReview)).containsExactly(countyGroup);
        assertThatThrownBy(() -> completeAs(data.schoolAdmin.username(), List.of(schoolGroup), authorityReview.getId(),
                Map.of("decision", "APPROVE")))
                .as("refused: the task is not the school's (engine authorization, or the casework's R-04 check)")
                .isInstanceOf(ProcessEngineException.class);

        assertThat(ExemptionStanding.of(exemptions, applied.getId())).isEqualTo("OPEN@UserTask_AuthorityReview");
        assertThat(ledger.entriesOf(teacher.getId())).isEmpty();
        assertThat(exemptions.history(applied.getId())).extracting(CaseEvent::taskKey, CaseEvent::outcome)
                .containsExactly(tuple(null, CaseOutcome.SUBMITTED),
                        tuple(DegreeExemptionProcess.SCHOOL_REVIEW, CaseOutcome.APPROVED));
    }

    @Test
    void R04_aTeacherWhoRoutesBothReviewsToAKunmingReviewerWhenAmendingStillGetsItsSchoolAndItsCounty() {
        ExemptionFixture kunming = new ExemptionFixture(organisations, teachers, accounts, evidence, "kunming-2015");
        String kunmingGroup = "county-reviewer:" + kunming.schools.district.code();
        DegreeExemption applied = apply();
        cases.decide(openTask(applied).getId(), data.schoolAdmin, Decision.RETURN, "请补充学位证");

        completeAs(applicant.username(), List.of(), openTask(applied).getId(),
                Map.of("schoolReviewGroup", kunmingGroup, "authorityReviewGroup", kunmingGroup,
                        "applicant", kunming.countyReviewer.username()));

        Task schoolReview = openTask(applied);
        assertThat(schoolReview.getTaskDefinitionKey()).isEqualTo(DegreeExemptionProcess.SCHOOL_REVIEW);
        assertThat(candidateGroups(schoolReview)).containsExactly(schoolGroup);
        assertThatThrownBy(() -> completeAs(kunming.countyReviewer.username(), List.of(kunmingGroup),
                schoolReview.getId(), Map.of("decision", "APPROVE")))
                .as("refused: the task is not the Kunming reviewer's").isInstanceOf(ProcessEngineException.class);
        cases.decide(schoolReview.getId(), data.schoolAdmin, Decision.APPROVE, null);
        assertThat(candidateGroups(openTask(applied))).containsExactly(countyGroup);
        cases.decide(openTask(applied).getId(), data.countyReviewer, Decision.RETURN, "证书编号不清");
        assertThat(openTask(applied).getAssignee()).isEqualTo(applicant.username());

        assertThat(ledger.entriesOf(teacher.getId())).isEmpty();
        assertThat(exemptions.history(applied.getId())).extracting(CaseEvent::actor)
                .doesNotContain(kunming.countyReviewer.username());
    }

    /** As if the forged variables had got past the engine gate (see {@link ForgedCompletion}). */
    private void completeAs(String username, List<String> groups, String taskId, Map<String, Object> variables) {
        ForgedCompletion.complete(taskService, identity, username, groups, taskId, variables);
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private DegreeExemption apply() {
        return exemptions.apply(teacher.getId(), applicant.username(), data.diplomaOf(teacher.getId()));
    }

    private Task openTask(DegreeExemption exemption) {
        return taskService.createTaskQuery().processInstanceId(exemption.processInstanceId()).singleResult();
    }
}
