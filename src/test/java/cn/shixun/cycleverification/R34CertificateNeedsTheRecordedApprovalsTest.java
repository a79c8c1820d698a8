package cn.shixun.cycleverification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;

import cn.shixun.cycleverification.process.CycleVerificationProcess;
import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseStepRefused;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.tasks.ForgedCompletion;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * R-34, R-04, issue 10: a county school's verification is rechecked by its county whatever the
 * {@code countyRecheck} variable says, and no certificate is issued unless OUR records show the county,
 * the city and the province approved it since the school last declared or amended it. The engine's doors
 * are closed elsewhere; these tests open them on purpose, as an engine REST call would.
 */
@SpringBootTest
class R34CertificateNeedsTheRecordedApprovalsTest {

    @Autowired Clock clock;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired CycleVerifications verifications;
    @Autowired VerificationBatches batches;
    @Autowired Certificates certificates;
    @Autowired CaseTasks tasks;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;

    VerificationFixture data;

    @BeforeEach
    void setUp() {
        init(engine);
        data = new VerificationFixture(organisations, teachers, accounts, ledger, LocalDate.now(clock));
    }

    @Test
    void R34_R04_aSchoolThatTurnsTheCountyRecheckOffWhenAmendingIsStillRecheckedByItsCounty() {
        CycleVerification declared = declareOne(data.completeTeacher());
        approve(declared, data.countyReviewer);
        tasks.decide(openTaskId(declared), data.cityReviewer, Decision.RETURN, "请附继续教育登记卡");

        String amend = openTaskId(declared);
        // As if the forged variable had got past the engine gate (see ForgedCompletion).
        ForgedCompletion.complete(taskService, identity, data.schoolAdmin.username(),
                List.of("school-admin:" + data.schools.countySchool.code()), amend,
                Map.of("countyRecheck", false, "comment", "已附登记卡"));

        assertThat(tasks.openTask(CycleVerificationProcess.PROCESS_ID, String.valueOf(declared.getId())).orElseThrow()
                .taskKey()).isEqualTo(CycleVerificationProcess.COUNTY_RECHECK);
        assertThat(VerificationStanding.of(verifications, declared.getId()))
                .isEqualTo("OPEN@" + CycleVerificationProcess.COUNTY_RECHECK);
    }

    @Test
    void R34_theCertificateStepReachedBeforeTheProvinceFiledIssuesNothing() {
        Teacher teacher = data.completeTeacher();
        CycleVerification declared = declareOne(teacher);
        approve(declared, data.countyReviewer);
        String instanceId = verifications.require(declared.getId()).processInstanceId();
        // The door left open: the instance moved straight to the certificate step.
        runtime.createProcessInstanceModification(instanceId)
                .startBeforeActivity("ServiceTask_IssueCertificate").execute();
        int eventsBefore = verifications.history(declared.getId()).size();
        Job job = management.createJobQuery().processInstanceId(instanceId)
                .activityId("ServiceTask_IssueCertificate").singleResult();

        assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(CaseStepRefused.class).message()
                .contains("市级确认本轮尚未同意", "省级备案本轮尚未同意");

        assertThat(certificates.ofVerification(declared.getId())).isEmpty();
        assertThat(teachers.require(teacher.getId()).lastCertificateIssuedOn()).isEqualTo(data.certifiedOn);
        assertThat(VerificationStanding.of(verifications, declared.getId()))
                .isEqualTo("OPEN@" + CycleVerificationProcess.CITY_CONFIRMATION);
        List<CaseEvent> events = verifications.history(declared.getId());
        assertThat(events).hasSize(eventsBefore).noneMatch(event -> event.outcome() == CaseOutcome.COMPLETED);
    }

    private CycleVerification declareOne(Teacher teacher) {
        return batches.declare(data.schoolAdmin, data.declare(teacher)).verifications().get(0);
    }

    private void approve(CycleVerification verification, CurrentAccount reviewer) {
        tasks.decide(openTaskId(verification), reviewer, Decision.APPROVE, null);
    }

    private String openTaskId(CycleVerification verification) {
        return tasks.openTask(CycleVerificationProcess.PROCESS_ID, String.valueOf(verification.getId())).orElseThrow().id();
    }
}
