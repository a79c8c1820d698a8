package cn.shixun.annual;

import static cn.shixun.annual.AnnualFixture.YEAR;
import static cn.shixun.annual.AnnualFixture.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.ClaimKind;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The annual pages after the deadline (补报, R-33, issue 14): on 5 December Kunming's 31 October has passed. The
 * school's 集中申报 card and the teacher's annual card say why — the date, and its 依据 — and offer the late path with
 * a reason; a missing reason is refused beside its field with nothing written; the API takes no lateness from the caller (a
 * forged {@code "late": false} is refused); the reviewer sees 补报 and the reason in the workbench.
 * The same context as {@link R33LateRegistrationTest} (the clock on 5 December).
 */
@SpringBootTest(properties = {"shixun.clock.fixed=2026-12-05T10:00+08:00",
        "camunda.bpm.process-engine-name=" + R33LateRegistrationTest.ENGINE})
class R33LatePagesTest {

    @Autowired WebApplicationContext context;
    @Autowired AnnualRegistrations registrations;
    @Autowired AnnualBatches batches;
    @Autowired CaseTasks tasks;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired Ledger ledger;
    @Autowired JdbcTemplate jdbc;

    MockMvc mvc;
    AnnualFixture kunming;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        kunming = new AnnualFixture(organisations, teachers, accounts, ledger, "kunming-2015");
    }

    @Test
    void R33_afterTheDeadline_theSchoolsCardSaysWhy_withTheDateAndItsBasis_andOffersLateFiling() throws Exception {
        kunming.teacher();
        mvc.perform(get("/annual-registrations").with(as(kunming.schoolAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("本年度集中申报已于 2026-10-31 截止"),
                        containsString("data-rule=\"R-33\""),
                        containsString("第十四条"),
                        containsString("补报可办理到 2026-12-15"),
                        containsString("data-test=\"late-form\""),
                        containsString("补报本校年度登记"),
                        not(containsString("data-test=\"declare-submit\"")))));
    }

    @Test
    void R33_theSchoolsLateFilingWithoutAReason_isRefusedBesideTheField_andNothingIsWritten() throws Exception {
        kunming.teacher();
        mvc.perform(post("/annual-registrations/batches").param("lateReason", "  ").with(as(kunming.schoolAdmin))
                        .with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-test=\"field-error\""),
                        containsString("请填写补报原因"), containsString("aria-invalid=\"true\""))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM annual_batch WHERE school_id = ?", Long.class,
                kunming.schools.countySchool.getId())).isZero();
    }

    @Test
    void R33_theSchoolFilesLateWithAReason_andItsTeachersCardsAreMarkedLate() throws Exception {
        Teacher teacher = kunming.teacher();
        mvc.perform(post("/annual-registrations/batches").param("lateReason", "学校10月系统故障，未能按期申报")
                        .with(as(kunming.schoolAdmin)).with(csrf()))
                .andExpect(redirectedUrlPattern("/annual-registrations/batches/*"));
        Long batchId = batches.ofSchool(kunming.schools.countySchool.getId(), YEAR).orElseThrow().batch().getId();
        awaitFinished(batchId);
        AnnualRegistration card = registrations.ofTeacher(teacher.getId()).get(0);
        assertThat(card.batchId()).isEqualTo(batchId);
        assertThat(card.lateReason()).isEqualTo("学校10月系统故障，未能按期申报");
        mvc.perform(get("/annual-registrations/" + card.getId()).with(as(kunming.schoolAdmin)))
                .andExpect(content().string(allOf(containsString("data-test=\"late-mark\""),
                        containsString("2026-12-05 补报，原因：学校10月系统故障，未能按期申报"),
                        containsString("登记机构审核补报"))));
    }

    @Test
    void R33_afterTheDeadline_theTeachersCardSaysWhy_andTheTeacherFilesLate_theReviewerSeesTheReason() throws Exception {
        Teacher teacher = kunming.teacher();
        kunming.ownHours(teacher, ClaimKind.SCHOOL_BASED, "32", day(6, 30));
        CurrentAccount account = kunming.accountOf(teacher);

        mvc.perform(get("/annual-registrations/mine").with(as(account)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("登记卡的提交截止日期是 2026-10-31，已过期限"),
                        containsString("data-rule=\"R-33\""),
                        containsString("data-test=\"late-form\""),
                        containsString("补报我的年度登记"))));
        mvc.perform(post("/annual-registrations/mine/late").with(as(account)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("请填写补报原因")));
        assertThat(registrations.ofTeacher(teacher.getId())).as("nothing written").isEmpty();

        // A missing scan does not hold a late card back: the school's review returns it for the scan.
        mvc.perform(post("/annual-registrations/mine/late").param("lateReason", "产假期间未能按期提交")
                        .with(as(account)).with(csrf()))
                .andExpect(redirectedUrlPattern("/annual-registrations/*"));
        AnnualRegistration card = registrations.ofTeacher(teacher.getId()).get(0);
        assertThat(card.late()).isTrue();
        mvc.perform(get("/annual-registrations/" + card.getId()).with(as(account)))
                .andExpect(content().string(allOf(containsString("data-test=\"late-mark\""),
                        containsString("产假期间未能按期提交"), containsString("登记机构审核补报中"))));
        String taskId = tasks.openTask(AnnualRegistrations.PROCESS_KEY, String.valueOf(card.getId())).orElseThrow().id();
        mvc.perform(get("/tasks").param("task", taskId).with(as(kunming.countyReviewer)))
                .andExpect(content().string(allOf(containsString("登记机构审核补报"),
                        containsString("补报（2026-12-05），原因：产假期间未能按期提交"))));

        // Rejected: the year is free, and the teacher's page offers the late path again, with the rejection said.
        tasks.decide(taskId, kunming.countyReviewer, Decision.REJECT, "产假证明未附");
        mvc.perform(get("/annual-registrations/mine").with(as(account)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2026年度的登记卡未通过：产假证明未附"),
                        containsString("data-test=\"late-form\""), containsString("data-test=\"latest-card\""))));
    }

    @Test
    void R33_aForgedLateFlagThroughTheApi_isRefused_andLatenessIsOurs() throws Exception {
        Teacher teacher = kunming.teacher();
        CurrentAccount account = kunming.accountOf(teacher);
        // A "late" flag is no field of the request: whoever sends one is refused, with nothing written.
        mvc.perform(post("/api/annual-registrations").with(as(account)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":" + YEAR + ",\"late\":false,\"lateReason\":\"外出支教\"}"))
                .andExpect(status().isBadRequest());
        // Without a reason after the deadline: refused at the reason.
        mvc.perform(post("/api/annual-registrations").with(as(account)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"year\":" + YEAR + "}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-33"))
                .andExpect(jsonPath("$.field").value("lateReason"));
        assertThat(registrations.ofTeacher(teacher.getId())).isEmpty();

        mvc.perform(post("/api/annual-registrations").with(as(account)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":" + YEAR + ",\"lateReason\":\"外出支教\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.late").value(true))
                .andExpect(jsonPath("$.lateOn").value("2026-12-05"))
                .andExpect(jsonPath("$.lateReason").value("外出支教"))
                .andExpect(jsonPath("$.openSteps[0].key").value("UserTask_LateReview"));
    }

    /** The page starts the teachers in the background, as on a node; the batch is done when nothing is pending. */
    private void awaitFinished(Long batchId) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (!(batches.progress(batchId).finished() && !batches.isRunning(batchId))) {
            assertThat(Instant.now()).as("batch %d finished in time", batchId).isBefore(until);
            Thread.sleep(100);
        }
    }

    private static RequestPostProcessor as(CurrentAccount account) {
        return user(account.username()).roles(account.role().name());
    }
}
