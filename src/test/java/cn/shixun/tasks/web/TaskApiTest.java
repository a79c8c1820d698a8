package cn.shixun.tasks.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.Diploma;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.tasks.R04Schools;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The worklist and decision API ({@code /api/tasks}) over HTTP, on degreeExemption cases: who
 * sees which tasks, a decision, a batch with a refusal in it, and each refusal as a
 * problem detail with its status, field and rule.
 */
@SpringBootTest
class TaskApiTest {

    private static final String PASSWORD = "secret-123";
    private static final AtomicInteger CERTIFICATES = new AtomicInteger();

    @Autowired WebApplicationContext context;
    @Autowired EvidenceFiles evidence;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired DegreeExemptions exemptions;

    MockMvc mvc;
    R04Schools schools;
    CurrentAccount schoolAdmin;
    CurrentAccount countyReviewer;
    CurrentAccount teacher;
    CurrentAccount otherAdmin;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        schools = new R04Schools(organisations, teachers);
        String p = schools.prefix;
        schoolAdmin = accounts.createAccount(p + ".school", PASSWORD, "王丽", Role.SCHOOL_ADMIN,
                schools.countySchool.getId());
        countyReviewer = accounts.createAccount(p + ".county", PASSWORD, "赵明", Role.COUNTY_REVIEWER,
                schools.district.getId());
        otherAdmin = accounts.createAccount(p + ".other", PASSWORD, "李强", Role.SCHOOL_ADMIN,
                schools.cityMiddleSchool.getId());
        teacher = accounts.createTeacherAccount(p + ".t", PASSWORD,
                schools.teacherAt(schools.countySchool, Stage.PRIMARY).getId());
    }

    /** A new application of a teacher at {@code school}; returns its open review task's id. */
    String caseAt(Organisation school) {
        Teacher applicant = schools.teacherAt(school, school == schools.countySchool ? Stage.PRIMARY : Stage.JUNIOR_MIDDLE);
        long id = exemptions.apply(applicant.getId(), "applicant", new Diploma("河南大学", DegreeLevel.POSTGRADUATE,
                "教育学", true, LocalDate.of(2023, 9, 1), LocalDate.of(2025, 7, 1),
                "API-" + ProcessHandle.current().pid() + "-" + CERTIFICATES.incrementAndGet(),
                StoredEvidence.of(evidence, applicant.getId()))).getId();
        return exemptions.openTask(id).orElseThrow().id();
    }

    @Test
    void R04_theWorklistShowsAReviewerTheirTasks_andATeacherNone() throws Exception {
        String mine = caseAt(schools.countySchool);
        String foreign = caseAt(schools.cityMiddleSchool);

        as(schoolAdmin, get("/api/tasks").param("process", "degreeExemption"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.tasks[0].id").value(mine))
                .andExpect(jsonPath("$.tasks[0].name").value("学校审核"))
                .andExpect(jsonPath("$.tasks[0].kind").value("REVIEW"))
                .andExpect(jsonPath("$.tasks[0].summary").value(containsString("河南大学 教育学")))
                .andExpect(jsonPath("$.tasks[0].due").exists());
        as(countyReviewer, get("/api/tasks")).andExpect(status().isOk())
                .andExpect(jsonPath("$.tasks[*].id").value(not(hasItem(mine))));
        as(teacher, get("/api/tasks")).andExpect(status().isOk()).andExpect(jsonPath("$.tasks").value(empty()));

        as(schoolAdmin, post("/api/tasks/" + mine + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"APPROVE\",\"comment\":\"材料齐全\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(mine));
        as(countyReviewer, get("/api/tasks").param("process", "degreeExemption"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.tasks[0].name").value("登记机构审核"));
        as(otherAdmin, get("/api/tasks/" + foreign)).andExpect(status().isOk())
                .andExpect(jsonPath("$.candidateGroups[0]").value("school-admin:" + schools.cityMiddleSchool.code()));
    }

    @Test
    void R04_aBatchDecidesTheAccountsTasks_andReportsTheOneThatIsNot() throws Exception {
        String first = caseAt(schools.countySchool);
        String foreign = caseAt(schools.cityMiddleSchool);
        String second = caseAt(schools.countySchool);

        as(schoolAdmin, post("/api/tasks/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskIds\":[\"%s\",\"%s\",\"%s\"],\"outcome\":\"APPROVE\"}".formatted(first, foreign, second)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decided").value(2))
                .andExpect(jsonPath("$.refused").value(1))
                .andExpect(jsonPath("$.outcomes[1].taskId").value(foreign))
                .andExpect(jsonPath("$.outcomes[1].done").value(false))
                .andExpect(jsonPath("$.outcomes[1].ruleId").doesNotExist())
                .andExpect(jsonPath("$.outcomes[1].message").value(containsString("找不到待办任务")));
        as(otherAdmin, get("/api/tasks/" + foreign)).andExpect(status().isOk());
        as(schoolAdmin, get("/api/tasks/" + first)).andExpect(status().isConflict());
    }

    @Test
    void R40_refusalsAreProblemDetailsWithStatusFieldAndRule_andChangeNothing() throws Exception {
        String task = caseAt(schools.countySchool);

        as(schoolAdmin, post("/api/tasks/" + task + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"RETURN\",\"comment\":\"  \"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("comment"))
                .andExpect(jsonPath("$.ruleId").value("R-40"))
                .andExpect(jsonPath("$.detail").value(containsString("必须填写意见")));
        as(schoolAdmin, post("/api/tasks/" + task + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"comment\":\"无结果\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("outcome"));
        // Another organisation's task is answered exactly like an unknown one (404), never naming its group.
        String unknown = as(schoolAdmin, get("/api/tasks/no-such-task")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString().replace("no-such-task", task);
        as(otherAdmin, post("/api/tasks/" + task + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"APPROVE\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("taskId"))
                .andExpect(jsonPath("$.ruleId").doesNotExist())
                .andExpect(content().string(not(containsString("school-admin:"))));
        as(teacher, get("/api/tasks/" + task)).andExpect(status().isNotFound());
        as(otherAdmin, get("/api/tasks/" + task)).andExpect(status().isNotFound())
                .andExpect(content().json(unknown, true));
        as(schoolAdmin, get("/api/tasks/" + task)).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("学校审核"));

        as(schoolAdmin, post("/api/tasks/" + task + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"REJECT\",\"comment\":\"非教育类专业\"}"))
                .andExpect(status().isOk());
        as(schoolAdmin, post("/api/tasks/" + task + "/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"APPROVE\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("taskId"));
        as(schoolAdmin, post("/api/tasks/no-such-task/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"APPROVE\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("taskId"));
        as(schoolAdmin, post("/api/tasks/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskIds\":[],\"outcome\":\"APPROVE\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("taskIds"));
    }

    @Test
    void aPageOrSizeOutOfRangeIsRefused() throws Exception {
        as(schoolAdmin, get("/api/tasks").param("page", "-1"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("page"));
        as(schoolAdmin, get("/api/tasks").param("size", "0"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("size"));
        as(schoolAdmin, get("/api/tasks").param("size", String.valueOf(1000)))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("size"));
        as(schoolAdmin, get("/api/tasks").param("size", "viele")).andExpect(status().isBadRequest());
        as(schoolAdmin, post("/api/tasks/x/decisions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"MAYBE\"}")).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("outcome"))
                .andExpect(jsonPath("$.detail").value(containsString("APPROVE")));
        as(schoolAdmin, get("/api/tasks").param("page", "0").param("size", "1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(1));
    }

    private ResultActions as(CurrentAccount account, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(account.username(), PASSWORD)).accept(MediaType.APPLICATION_JSON));
    }
}
