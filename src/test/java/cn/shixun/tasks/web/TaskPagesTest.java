package cn.shixun.tasks.web;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.Diploma;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.ledger.TeacherStatusQuery;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.tasks.R04Schools;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import cn.shixun.shared.BusinessDate;
import cn.shixun.tasks.Decision;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The workbench page's marks and forms without a browser: a reminded and escalated review shows
 * as due soon and escalated in the next level's list, a decision needs the CSRF token, and a
 * refused decision comes back with the reason and the comment kept.
 */
@SpringBootTest
class TaskPagesTest {

    @Autowired WebApplicationContext context;
    @Autowired EvidenceFiles evidence;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired DegreeExemptions exemptions;
    @Autowired ManagementService management;
    @Autowired TeacherStatusQuery statusQuery;
    @Autowired Clock clock;

    MockMvc mvc;
    R04Schools schools;
    CurrentAccount countyReviewer;
    CurrentAccount schoolAdmin;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        schools = new R04Schools(organisations, teachers);
        countyReviewer = accounts.createAccount(schools.prefix + ".county", "secret-123", "赵明", Role.COUNTY_REVIEWER,
                schools.district.getId());
        schoolAdmin = accounts.createAccount(schools.prefix + ".school", "secret-123", "王丽", Role.SCHOOL_ADMIN,
                schools.countySchool.getId());
    }

    @Test
    void R04_anEscalatedReviewIsMarkedInTheNextLevelsList() throws Exception {
        long id = apply();
        String instance = exemptions.require(id).processInstanceId();
        management.createJobQuery().processInstanceId(instance).timers().list()
                .forEach(job -> management.executeJob(job.getId()));

        mvc.perform(get("/tasks").with(as(countyReviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"escalated\"")))
                .andExpect(content().string(containsString("学校审核")));
        mvc.perform(get("/tasks").with(as(schoolAdmin)))
                .andExpect(content().string(containsString("已转上级")));
    }

    @Test
    void R40_aDecisionNeedsTheCsrfToken_andARefusalKeepsTheComment() throws Exception {
        long id = apply();
        String task = exemptions.openTask(id).orElseThrow().id();

        mvc.perform(post("/tasks/" + task + "/decision").with(as(schoolAdmin)).param("outcome", "APPROVE"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + task + "/decision").with(as(schoolAdmin)).with(csrf())
                        .param("outcome", "REJECT").param("comment", " "))
                .andExpect(redirectedUrl("/tasks?task=" + task))
                .andExpect(flash().attribute("error", containsString("必须填写意见")));
        mvc.perform(get("/tasks").param("task", task).with(as(schoolAdmin)))
                .andExpect(content().string(containsString("data-test=\"decision-form\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/tasks").param("task", task).with(as(countyReviewer)))
                .andExpect(content().string(containsString("找不到待办任务")))
                .andExpect(content().string(not(containsString("school-admin:"))))
                .andExpect(content().string(not(containsString("data-test=\"decision-form\""))));
    }

    @Test
    void R40_noOutcomeIsChosenBeforehand_andARefusedReturnComesBackAsAReturnWithItsComment() throws Exception {
        long id = apply();
        String task = exemptions.openTask(id).orElseThrow().id();
        String fresh = mvc.perform(get("/tasks").param("task", task).with(as(schoolAdmin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(outcomes(fresh)).hasSize(3).noneMatch(radio -> radio.contains("checked"));

        MvcResult refused = mvc.perform(post("/tasks/" + task + "/decision").with(as(schoolAdmin)).with(csrf())
                        .param("outcome", "RETURN").param("comment", " "))
                .andExpect(flash().attribute("chosen", Decision.RETURN)).andReturn();
        String again = mvc.perform(get("/tasks").param("task", task).flashAttrs(refused.getFlashMap())
                .with(as(schoolAdmin))).andReturn().getResponse().getContentAsString();
        assertThat(outcomes(again)).filteredOn(radio -> radio.contains("checked")).singleElement()
                .satisfies(radio -> assertThat(radio).contains("value=\"RETURN\""));
    }

    @Test
    void theFiltersNarrowTheListInTheTaskQuery_andAWrongValueIsNamedAndNarrowsNothing() throws Exception {
        Teacher zhao = teachers.hire(schools.prefix + "L", "赵青" + schools.prefix, "女", schools.countySchool.getId(),
                Stage.PRIMARY, "语文", "2005" + String.format("%012d", Math.abs(schools.prefix.hashCode())),
                LocalDate.of(2005, 9, 1));
        applyFor(zhao);
        apply();
        apply();
        LocalDate today = LocalDate.now(BusinessDate.ZONE);

        assertThat(rows(page("applicant", "赵青" + schools.prefix))).isEqualTo(1);
        assertThat(page("applicant", "赵青" + schools.prefix)).contains("您有 1 项待办符合筛选条件", "赵青" + schools.prefix);
        assertThat(rows(page("school", "测试区第一"))).isEqualTo(3);
        assertThat(page("school", "别的学校")).contains("没有符合筛选条件的待办", "您有 0 项待办符合筛选条件");
        assertThat(rows(page("step", "学校审核"))).isEqualTo(3);
        assertThat(rows(page("step", "登记机构审核"))).isZero();
        assertThat(rows(page("from", today.toString(), "to", today.toString()))).isEqualTo(3);
        assertThat(rows(page("from", today.plusDays(1).toString()))).isZero();
        int overdue = page().split("data-test=\"overdue\"", -1).length - 1;
        assertThat(rows(page("overdue", "true"))).as("the tasks marked overdue").isEqualTo(overdue);
        assertThat(rows(page("within", "366"))).isGreaterThanOrEqualTo(overdue);
        // 赵 applied first, so comes first by deadline; by name it comes after 测 (in character order).
        String byDue = page();
        assertThat(byDue.indexOf("赵青" + schools.prefix)).isLessThan(byDue.indexOf("测试教师"));
        String byName = page("sort", "applicant");
        assertThat(byName.indexOf("赵青" + schools.prefix)).isGreaterThan(byName.lastIndexOf("测试教师"));

        for (String[] wrong : new String[][] {{"within", "abc", "几天内到期"}, {"within", "0", "几天内到期"},
                {"from", "2026-13-01", "收到日期从"}, {"to", "昨天", "收到日期至"}, {"sort", "salary", "排序方式"},
                {"process", "noSuchProcess", "流程"}}) {
            String html = page(wrong[0], wrong[1], "applicant", "赵青" + schools.prefix);
            assertThat(html).as(wrong[0] + "=" + wrong[1]).contains("data-test=\"filter-error\"", wrong[2], wrong[1]);
            assertThat(rows(html)).as("the list is not narrowed by a filter with a wrong value").isEqualTo(3);
        }
        assertThat(page("from", today.toString(), "to", today.minusDays(1).toString())).contains("晚于");
    }

    @Test
    void theChosenTeachersTaskShowsEachOfTheirRequirementsMetOrWithTheHoursMissing() throws Exception {
        Teacher teacher = schools.teacherAt(schools.countySchool, Stage.PRIMARY);
        String task = exemptions.openTask(applyFor(teacher)).orElseThrow().id();
        List<TeacherStatus.RequirementStatus> requirements = statusQuery.statusOf(teacher.getId(),
                LocalDate.now(clock)).requirements();
        assertThat(requirements).isNotEmpty();

        String html = page("task", task);
        String standing = html.substring(html.indexOf("data-test=\"applicant-standing\""));
        standing = standing.substring(0, standing.indexOf("</ul>"));
        assertThat(standing).contains(requirements.stream().map(TeacherStatus.RequirementStatus::label)
                .toArray(String[]::new));
        assertThat(standing.split("未达到", -1).length - 1).isEqualTo(requirements.stream().filter(r -> !r.met()).count());
        assertThat(standing.split("尚缺", -1).length - 1).isEqualTo(requirements.stream().filter(r -> !r.met()).count());
    }

    @Test
    void theWorklistShowsFiftyTasksAPageAndKeepsTheProcessFilterFromPageToPage() throws Exception {
        for (int i = 0; i < 51; i++) {
            apply();
        }
        String filtered = "/tasks?process=degreeExemption&amp;page=";

        String first = mvc.perform(get("/tasks").param("process", "degreeExemption").with(as(schoolAdmin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(rows(first)).isEqualTo(50);
        assertThat(first).contains("您有 51 项待办", "第 1 / 2 页", "href=\"" + filtered + "1\"")
                .doesNotContain("data-test=\"page-previous\"");

        String second = mvc.perform(get("/tasks").param("process", "degreeExemption").param("page", "1")
                .with(as(schoolAdmin))).andReturn().getResponse().getContentAsString();
        assertThat(rows(second)).isEqualTo(1);
        assertThat(second).contains("第 2 / 2 页", "href=\"" + filtered + "0\"", "name=\"page\" value=\"1\"")
                .doesNotContain("data-test=\"page-next\"");

        // A page past the end (the list shrank meanwhile) shows the last; a negative one the first.
        String past = mvc.perform(get("/tasks").param("process", "degreeExemption").param("page", "7")
                .with(as(schoolAdmin))).andReturn().getResponse().getContentAsString();
        assertThat(past).contains("第 2 / 2 页");
        assertThat(rows(past)).isEqualTo(1);
        String negative = mvc.perform(get("/tasks").param("page", "-3").with(as(schoolAdmin)))
                .andReturn().getResponse().getContentAsString();
        assertThat(negative).contains("第 1 / 2 页");

        // Another process's list has none of them, and no pager.
        assertThat(mvc.perform(get("/tasks").param("process", "externalTrainingApproval").with(as(schoolAdmin)))
                .andReturn().getResponse().getContentAsString()).doesNotContain("data-test=\"pager\"")
                .contains("data-test=\"worklist-empty\"");
    }

    @Test
    void aDecisionOnTheSecondPageComesBackToIt() throws Exception {
        long id = apply();
        String task = exemptions.openTask(id).orElseThrow().id();

        mvc.perform(post("/tasks/" + task + "/decision").with(as(schoolAdmin)).with(csrf())
                        .param("outcome", "APPROVE").param("process", "degreeExemption").param("page", "1"))
                .andExpect(redirectedUrl("/tasks?process=degreeExemption&page=1"));
    }

    /** The workbench as the school administrator sees it with these parameters (name, value, ...). */
    private String page(String... params) throws Exception {
        var request = get("/tasks").with(as(schoolAdmin));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The decision form's outcome radios, as rendered. */
    private static List<String> outcomes(String html) {
        return Pattern.compile("<input type=\"radio\" name=\"outcome\"[^>]*>").matcher(html).results()
                .map(MatchResult::group).toList();
    }

    private static int rows(String html) {
        return html.split("data-test=\"task-row\"", -1).length - 1;
    }

    private long apply() {
        return applyFor(schools.teacherAt(schools.countySchool, Stage.PRIMARY));
    }

    private long applyFor(Teacher teacher) {
        return exemptions.apply(teacher.getId(), "applicant", new Diploma("河南大学", DegreeLevel.BACHELOR, "教育学",
                true, LocalDate.of(2022, 9, 1), LocalDate.of(2024, 7, 1), "PAGE-" + System.nanoTime(),
                StoredEvidence.of(evidence, teacher.getId()))).getId();
    }

    private static RequestPostProcessor as(CurrentAccount account) {
        return user(account.username()).roles(account.role().name());
    }
}
