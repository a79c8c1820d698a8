package cn.shixun.cycleverification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.cycleverification.process.CycleVerificationProcess;
import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.BatchStarts;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The five-year verification's pages (R-34, R-07, R-08, R-36): the school's list of teachers whose
 * cycle ended with their hours against the requirements, the declaration and its batch page
 * (resumable), the case page with the school's amendment of a returned case and, once filed,
 * the certificate link — refusals re-rendered with nothing written, scope and CSRF enforced.
 */
@SpringBootTest
class CycleVerificationPagesTest {

    @Autowired Clock clock;
    @Autowired WebApplicationContext context;
    @Autowired CycleVerifications verifications;
    @Autowired VerificationBatches batches;
    @Autowired BatchStarts starts;
    @Autowired Certificates certificates;
    @Autowired CaseTasks tasks;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired Ledger ledger;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;

    MockMvc mvc;
    VerificationFixture data;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        data = new VerificationFixture(organisations, teachers, accounts, ledger, LocalDate.now(clock));
    }

    @Test
    void R34_R07_R08_theSchoolPageListsTheTeachersWhoseCycleEnded_withTheirHoursAgainstTheRequirements() throws Exception {
        Teacher complete = data.completeTeacher();
        Teacher shortOfHours = data.teacherWith(data.schools.countySchool, complete.stage(), "200", "40");
        Teacher notYet = data.schools.teacherAt(data.schools.countySchool, complete.stage());

        mvc.perform(period(get("/cycle-verifications")).with(as(data.schoolAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(complete.name())))
                .andExpect(content().string(containsString(shortOfHours.name())))
                .andExpect(content().string(containsString(data.certifiedOn + " 至 " + data.certifiedOn.plusYears(5).minusDays(1))))
                .andExpect(content().string(containsString("360.00")))
                .andExpect(content().string(containsString("学时不足")))
                .andExpect(content().string(containsString("还差")))
                .andExpect(content().string(containsString("未列入的教师 1 位")))
                .andExpect(content().string(containsString(notYet.name())))
                .andExpect(content().string(containsString("data-test=\"declare-submit\"")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void R34_declaringOnThePageStartsEveryVerification_andTheBatchPageShowsEachTeacher() throws Exception {
        Teacher first = data.completeTeacher();
        Teacher second = data.completeTeacher();

        String location = mvc.perform(period(post("/cycle-verifications/batches")).param("requestId", "page-" + data.schools.prefix)
                        .with(as(data.schoolAdmin)).with(csrf()))
                .andExpect(redirectedUrlPattern("/cycle-verifications/batches/*"))
                .andExpect(flash().attribute("done", "cv.page.declared"))
                .andReturn().getResponse().getRedirectedUrl();
        Long batchId = Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
        awaitStarted(batchId);

        assertThat(verifications.ofBatch(batchId)).extracting(CycleVerification::teacherId)
                .containsExactlyInAnyOrder(first.getId(), second.getId());
        assertThat(verifications.ofBatch(batchId)).allMatch(v -> v.processInstanceId() != null);
        mvc.perform(get(location).with(as(data.schoolAdmin)))
                .andExpect(content().string(containsString("已启动 2 / 2 位教师的核准")))
                .andExpect(content().string(containsString("data-state=\"finished\"")))
                .andExpect(content().string(containsString("县级复查中")))
                .andExpect(content().string(not(containsString("hx-trigger"))));
        // The same form sent twice (its request id) declares nothing new.
        mvc.perform(period(post("/cycle-verifications/batches")).param("requestId", "page-" + data.schools.prefix)
                        .with(as(data.schoolAdmin)).with(csrf()))
                .andExpect(redirectedUrl(location));
    }

    @Test
    void R34_aPeriodNotEndedIsRefusedOnThePageBesideThePeriod_andNothingIsWritten() throws Exception {
        data.completeTeacher();
        long before = jdbc.queryForObject("select count(*) from cycle_verification_batch", Long.class);

        mvc.perform(post("/cycle-verifications/batches").param("periodFrom", data.periodFrom.toString())
                        .param("periodTo", LocalDate.now(clock).plusDays(10).toString())
                        .with(as(data.schoolAdmin)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("周期尚未期满")))
                .andExpect(content().string(containsString("R-34")));
        mvc.perform(post("/cycle-verifications/batches").with(as(data.schoolAdmin)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from cycle_verification_batch", Long.class)).isEqualTo(before);
    }

    @Test
    void R34_aStartLeftPendingByAStoppedNodeIsMadeByTheNextWorkerRound_andAFailedOneIsRetriedOnResume() throws Exception {
        Teacher first = data.completeTeacher();
        data.completeTeacher();
        VerificationDeclarations.Declared declared = batches.declare(data.schoolAdmin, data.declare(first,
                data.completeTeacher()));
        CycleVerification lost = declared.verifications().get(1);
        // As if the node had stopped before this teacher's process started.
        runtime.deleteProcessInstance(lost.processInstanceId(), "test: interrupted batch");
        jdbc.update("update cycle_verification set process_instance_id = null where id = ?", lost.getId());
        Long batchId = declared.batch().getId();

        mvc.perform(get("/cycle-verifications/batches/" + batchId).with(as(data.schoolAdmin)))
                .andExpect(content().string(containsString("data-state=\"running\"")))
                .andExpect(content().string(containsString("已启动 1 / 2 位教师的核准")))
                .andExpect(content().string(containsString("待启动")))
                .andExpect(content().string(not(containsString("data-test=\"resume\""))));
        starts.startPending(); // any node's worker, on its next round
        String startedBy = verifications.require(lost.getId()).processInstanceId();
        assertThat(startedBy).isNotNull();
        assertThat(batches.isRunning(batchId)).isFalse();

        // Its start failed with a reason: it waits for the school, and only it is retried.
        runtime.deleteProcessInstance(startedBy, "test: failed start");
        jdbc.update("update cycle_verification set process_instance_id = null, start_failure = ? where id = ?",
                "启动这位教师的核准流程时出错", lost.getId());
        starts.startPending();
        assertThat(verifications.require(lost.getId()).processInstanceId()).isNull();
        mvc.perform(get("/cycle-verifications/batches/" + batchId).with(as(data.schoolAdmin)))
                .andExpect(content().string(containsString("data-state=\"interrupted\"")))
                .andExpect(content().string(containsString("启动这位教师的核准流程时出错")))
                .andExpect(content().string(containsString("data-test=\"resume\"")));
        mvc.perform(post("/cycle-verifications/batches/" + batchId + "/resume").with(as(data.schoolAdmin)).with(csrf()))
                .andExpect(redirectedUrl("/cycle-verifications/batches/" + batchId));
        awaitStarted(batchId);

        assertThat(verifications.require(lost.getId()).processInstanceId()).isNotNull();
        assertThat(verifications.require(lost.getId()).startFailure()).isNull();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CycleVerificationProcess.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(declared.verifications().get(0).getId())).count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CycleVerificationProcess.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(lost.getId())).count()).isEqualTo(1);
    }

    @Test
    void R34_R40_aReturnedVerificationIsAmendedOnItsCasePageByTheSchool_markupStaysText() throws Exception {
        Teacher teacher = data.teacherWith(data.schools.countySchool, data.completeTeacher().stage(), "200", "80");
        CycleVerification declared = batches.declare(data.schoolAdmin, data.declare(teacher)).verifications().get(0);
        tasks.decide(openTaskId(declared), data.countyReviewer, Decision.RETURN, "<i>请补登</i>本周期的培训学时");
        CurrentAccount teacherAccount = accounts.createTeacherAccount(data.schools.prefix + ".t" + teacher.getId(),
                VerificationFixture.PASSWORD, teacher.getId());

        mvc.perform(get("/cycle-verifications/" + declared.getId()).with(as(data.schoolAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"amend-form\"")))
                .andExpect(content().string(containsString("&lt;i&gt;请补登&lt;/i&gt;本周期的培训学时")))
                .andExpect(content().string(not(containsString("<i>请补登</i>"))));
        mvc.perform(get("/cycle-verifications/" + declared.getId()).with(as(teacherAccount)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("待学校补充材料")))
                .andExpect(content().string(not(containsString("data-test=\"amend-form\""))));
        mvc.perform(post("/cycle-verifications/" + declared.getId() + "/amendments").param("note", "已补登")
                        .with(as(teacherAccount)).with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/cycle-verifications/" + declared.getId() + "/amendments").param("note", "  ")
                        .with(as(data.schoolAdmin)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("data-test=\"field-error\"")))
                .andExpect(content().string(containsString("请说明补充了哪些材料")));
        assertThat(VerificationStanding.of(verifications, declared.getId()))
                .isEqualTo("OPEN@" + CycleVerificationProcess.SCHOOL_AMEND);
        assertThat(verifications.openTask(declared.getId()).orElseThrow().taskKey())
                .isEqualTo(CycleVerificationProcess.SCHOOL_AMEND);

        data.credit(teacher, cn.shixun.policy.ClaimKind.PROGRAMME_CERTIFIED, data.certifiedOn.plusYears(3), "80");
        mvc.perform(post("/cycle-verifications/" + declared.getId() + "/amendments")
                        .param("note", "已补登<script>alert(1)</script>省级培训 80 学时")
                        .with(as(data.schoolAdmin)).with(csrf()))
                .andExpect(redirectedUrl("/cycle-verifications/" + declared.getId()))
                .andExpect(flash().attribute("done", "cv.page.amended"));
        CycleVerification amended = verifications.require(declared.getId());
        assertThat(VerificationStanding.of(verifications, declared.getId()))
                .isEqualTo("OPEN@" + CycleVerificationProcess.COUNTY_RECHECK);
        assertThat(amended.hoursMet()).isTrue();
        mvc.perform(get("/cycle-verifications/" + declared.getId()).with(as(data.countyReviewer)))
                .andExpect(content().string(containsString("已补登&lt;script&gt;alert(1)&lt;/script&gt;省级培训")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("/tasks?task=" + openTaskId(declared))));
    }

    @Test
    void R36_onceTheProvinceFiledIt_theTeachersCasePageLinksTheCertificate() throws Exception {
        Teacher teacher = data.completeTeacher();
        CycleVerification declared = batches.declare(data.schoolAdmin, data.declare(teacher)).verifications().get(0);
        CurrentAccount teacherAccount = accounts.createTeacherAccount(data.schools.prefix + ".t" + teacher.getId(),
                VerificationFixture.PASSWORD, teacher.getId());
        mvc.perform(get("/tasks").param("task", openTaskId(declared)).with(as(data.countyReviewer)))
                .andExpect(content().string(containsString("data-test=\"case-page\" href=\"/cycle-verifications/"
                        + declared.getId() + "\"")));
        for (CurrentAccount reviewer : List.of(data.countyReviewer, data.cityReviewer, data.provinceReviewer)) {
            tasks.decide(openTaskId(declared), reviewer, Decision.APPROVE, null);
        }
        management.createJobQuery().processInstanceId(declared.processInstanceId()).list()
                .forEach(job -> management.executeJob(job.getId()));
        Certificate certificate = certificates.ofVerification(declared.getId()).orElseThrow();

        mvc.perform(get("/cycle-verifications/mine").with(as(teacherAccount)))
                .andExpect(redirectedUrl("/cycle-verifications/" + declared.getId()));
        mvc.perform(get("/cycle-verifications/" + declared.getId()).with(as(teacherAccount)))
                .andExpect(content().string(containsString("已核准发证")))
                .andExpect(content().string(not(containsString("??"))))
                .andExpect(content().string(containsString("href=\"/certificates/" + certificate.number() + "\"")));
        mvc.perform(get("/certificates/" + certificate.number()).with(as(teacherAccount))).andExpect(status().isOk());
    }

    @Test
    void R04_outOfScopeIs404_aTeacherOnTheSchoolsPagesIs403() throws Exception {
        Teacher teacher = data.completeTeacher();
        VerificationDeclarations.Declared declared = batches.declare(data.schoolAdmin, data.declare(teacher));
        CurrentAccount teacherAccount = accounts.createTeacherAccount(data.schools.prefix + ".t" + teacher.getId(),
                VerificationFixture.PASSWORD, teacher.getId());
        VerificationFixture other = new VerificationFixture(organisations, teachers, accounts, ledger, LocalDate.now(clock));
        Long id = declared.verifications().get(0).getId();

        mvc.perform(get("/cycle-verifications/" + id).with(as(other.schoolAdmin))).andExpect(status().isNotFound());
        mvc.perform(get("/cycle-verifications/999999999").with(as(data.schoolAdmin))).andExpect(status().isNotFound());
        mvc.perform(get("/cycle-verifications/batches/" + declared.batch().getId()).with(as(other.schoolAdmin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cycle-verifications/batches/" + declared.batch().getId()).with(as(teacherAccount)))
                .andExpect(status().isForbidden());
        mvc.perform(period(post("/cycle-verifications/batches")).with(as(teacherAccount)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/cycle-verifications").with(as(data.countyReviewer))).andExpect(status().isForbidden());
        mvc.perform(get("/cycle-verifications").with(as(teacherAccount)))
                .andExpect(redirectedUrl("/cycle-verifications/mine"));
        mvc.perform(get("/cycle-verifications/mine").with(as(data.schoolAdmin))).andExpect(status().isForbidden());
        Teacher undeclared = data.completeTeacher();
        mvc.perform(get("/cycle-verifications/mine").with(as(accounts.createTeacherAccount(
                        data.schools.prefix + ".t" + undeclared.getId(), VerificationFixture.PASSWORD, undeclared.getId()))))
                .andExpect(content().string(containsString("data-test=\"mine-empty\"")));
    }

    private MockHttpServletRequestBuilder period(MockHttpServletRequestBuilder request) {
        return request.param("periodFrom", data.periodFrom.toString()).param("periodTo", data.periodTo.toString());
    }

    private String openTaskId(CycleVerification verification) {
        return verifications.openTask(verification.getId()).orElseThrow().id();
    }

    private void awaitStarted(Long batchId) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (batches.isRunning(batchId)
                || verifications.ofBatch(batchId).stream().anyMatch(v -> v.processInstanceId() == null)) {
            assertThat(Instant.now()).as("batch %d started in time", batchId).isBefore(until);
            Thread.sleep(100);
        }
    }

    private static RequestPostProcessor as(CurrentAccount account) {
        return user(account.username()).roles(account.role().name());
    }
}
