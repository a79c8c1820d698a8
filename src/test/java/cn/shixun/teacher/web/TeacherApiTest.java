package cn.shixun.teacher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.security.Role;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.TeacherFixture;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;

/** The teacher API: hiring, search, transfers, leaving post; every refusal writes nothing. */
@SpringBootTest
@Transactional
@WithMockUser(username = "county-admin")
class TeacherApiTest {

    static final String CERT = "20154101123456789";

    @Autowired Clock clock;
    @Autowired
    WebApplicationContext context;

    @Autowired
    Organisations organisations;

    @Autowired
    Teachers teachers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Accounts accounts;

    MockMvc mvc;
    TeacherFixture tree;
    Teacher teacher;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        tree = TeacherFixture.create(organisations, "96");
        // The mock user is a reviewer of the fixture's county, so that its teachers are in scope.
        accounts.createAccount("county-admin", "secret-123", "区审核员", Role.COUNTY_REVIEWER, tree.county().getId());
        teacher = teachers.hire("9601020001001", "赵丽", "女", tree.primary().getId(), Stage.PRIMARY, "数学", CERT,
                LocalDate.of(2012, 9, 1));
        teachers.hire("9601020001002", "钱伟", "男", tree.primary().getId(), Stage.PRIMARY, "语文", null, LocalDate.of(2026, 2, 24));
        teachers.hire("9601020002001", "赵明", "男", tree.middle().getId(), Stage.SENIOR_HIGH, "物理", CERT, LocalDate.of(2001, 9, 1));
    }

    @Test
    void R01_hireReturnsTheTeacherWithItsFacts() throws Exception {
        hire("""
                {"staffNumber":"9601020001003","name":"孙静","gender":"女","schoolId":%d,"stage":"PRIMARY",
                 "subject":"英语","qualificationCertificateNumber":"%s","hireDate":"2026-09-01"}""".formatted(tree.primary().getId(), CERT))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/teachers/")))
                .andExpect(jsonPath("$.staffNumber").value("9601020001003"))
                .andExpect(jsonPath("$.schoolName").value(tree.primary().name()))
                .andExpect(jsonPath("$.registrable").value(true))
                .andExpect(jsonPath("$.newTeacher").value(true))
                .andExpect(jsonPath("$.hireDate").value("2026-09-01"));
        assertThat(teachers.findByStaffNumber("9601020001003")).isPresent();
    }

    @Test
    void R01_badHiresAreRefusedNamingTheFieldAndWriteNothing() throws Exception {
        long school = tree.primary().getId();
        refusedHire(body("9601020001009", "孙静", "女", school, "SENIOR_HIGH", CERT, "2020-09-01"), 422, "stage", "R-02");
        refusedHire(body("9601020001009", "孙静", "女", tree.county().getId(), "PRIMARY", CERT, "2020-09-01"), 422, "schoolId", "R-02");
        refusedHire(body("9601020001009", "孙静", "女", -7L, "PRIMARY", CERT, "2020-09-01"), 404, "schoolId", null);
        refusedHire(body("9601020001001", "孙静", "女", school, "PRIMARY", CERT, "2020-09-01"), 409, "staffNumber", null);
        refusedHire(body("9601020001009", " ", "女", school, "PRIMARY", CERT, "2020-09-01"), 422, "name", null);
        refusedHire(body("9601020001009", "孙静", "女", school, "PRIMARY", "12AB", "2020-09-01"), 422, "qualificationCertificateNumber", "R-01");
        refusedHire(body("9601020001009", "孙静", "女", school, "PRIMARY", CERT, LocalDate.now(clock).plusDays(3).toString()), 422, "hireDate", null);
        refusedHire(body("9601020001009", "孙静", "X", school, "PRIMARY", CERT, "2020-09-01"), 422, "gender", null);
        long before = count("teacher");
        hire("{\"staffNumber\":\"9601020001009\",\"hireDate\":\"yesterday\"}").andExpect(status().isBadRequest());
        assertThat(count("teacher")).isEqualTo(before);
    }

    @Test
    void refusalsSpeakChineseByDefaultAndEnglishOnRequest() throws Exception {
        String body = body("9601020001001", "孙静", "女", tree.primary().getId(), "PRIMARY", CERT, "2020-09-01");
        hire(body).andExpect(jsonPath("$.detail").value("教师工号 9601020001001 已被使用"));
        mvc.perform(post("/api/teachers").with(csrf()).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "en").content(body))
                .andExpect(jsonPath("$.detail").value("Staff number 9601020001001 is already in use"));
    }

    @Test
    void searchIsPagedAndFiltersBySchoolAndText() throws Exception {
        mvc.perform(get("/api/teachers").param("schoolId", tree.primary().getId().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(2))
                .andExpect(jsonPath("$.content[0].staffNumber").value("9601020001001"))
                .andExpect(jsonPath("$.content[1].registrable").value(false));
        mvc.perform(get("/api/teachers").param("q", "赵").param("size", "1").param("page", "1"))
                .andExpect(jsonPath("$.content", hasSize(1)))
                .andExpect(jsonPath("$.content[0].name").value("赵明"))
                .andExpect(jsonPath("$.totalPages").value(2));
        mvc.perform(get("/api/teachers").param("q", "96010200020"))
                .andExpect(jsonPath("$.totalElements").value(1));
        mvc.perform(get("/api/teachers").param("size", "500"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("size"));
        mvc.perform(get("/api/teachers").param("schoolId", tree.county().getId().toString()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("schoolId"));
        mvc.perform(get("/api/teachers/{id}", teacher.getId()))
                .andExpect(jsonPath("$.name").value("赵丽"));
        mvc.perform(get("/api/teachers/{id}", -1))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("teacherId"));
    }

    @Test
    void R37_transferIsRecordedWithWhoDidItAndListed() throws Exception {
        transfer(teacher.getId(), tree.otherPrimary().getId(), "2021-09-01")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fromSchoolId").value(tree.primary().getId()))
                .andExpect(jsonPath("$.toSchoolName").value(tree.otherPrimary().name()))
                .andExpect(jsonPath("$.recordedBy").value("county-admin"));
        mvc.perform(get("/api/teachers/{id}/transfers", teacher.getId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].effectiveOn").value("2021-09-01"));
        mvc.perform(get("/api/teachers/{id}", teacher.getId()))
                .andExpect(jsonPath("$.schoolId").value(tree.otherPrimary().getId()));
    }

    @Test
    void R37_badTransfersAreRefusedAndChangeNothing() throws Exception {
        refusedTransfer(teacher.getId(), tree.primary().getId(), "2021-09-01", 422, "toSchoolId", "R-37");
        refusedTransfer(teacher.getId(), tree.middle().getId(), "2021-09-01", 422, "toSchoolId", "R-37");
        refusedTransfer(teacher.getId(), -9L, "2021-09-01", 404, "toSchoolId", null);
        refusedTransfer(teacher.getId(), tree.otherPrimary().getId(), "2011-09-01", 422, "effectiveOn", "R-37");
        refusedTransfer(-1L, tree.otherPrimary().getId(), "2021-09-01", 404, "teacherId", null);
        transfer(teacher.getId(), tree.otherPrimary().getId(), "2021-09-01").andExpect(status().isCreated());
        refusedTransfer(teacher.getId(), tree.primary().getId(), "2020-09-01", 422, "effectiveOn", "R-37");
        assertThat(teachers.require(teacher.getId()).schoolId()).isEqualTo(tree.otherPrimary().getId());
    }

    @Test
    void R01_leavingPostThenNoLongerRegistrable() throws Exception {
        mvc.perform(post("/api/teachers/{id}/leaving", teacher.getId()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"leftOn\":\"2025-07-01\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inPost").value(false))
                .andExpect(jsonPath("$.registrable").value(false));
        mvc.perform(post("/api/teachers/{id}/leaving", teacher.getId()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"leftOn\":\"2025-08-01\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.ruleId").value("R-01"));
        refusedTransfer(teacher.getId(), tree.otherPrimary().getId(), "2025-09-01", 422, "teacherId", "R-37");
    }

    private ResultActions hire(String json) throws Exception {
        return mvc.perform(post("/api/teachers").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions transfer(Long teacherId, Long toSchoolId, String effectiveOn) throws Exception {
        return mvc.perform(post("/api/teachers/{id}/transfers", teacherId).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"toSchoolId\":%d,\"effectiveOn\":\"%s\"}".formatted(toSchoolId, effectiveOn)));
    }

    private void refusedHire(String json, int status, String field, String ruleId) throws Exception {
        long before = count("teacher");
        hire(json).andExpect(status().is(status))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(ruleId == null ? jsonPath("$.ruleId").doesNotExist() : jsonPath("$.ruleId").value(ruleId));
        assertThat(count("teacher")).isEqualTo(before);
    }

    private void refusedTransfer(Long teacherId, Long toSchoolId, String effectiveOn, int status, String field, String ruleId)
            throws Exception {
        long before = count("teacher_transfer");
        Long school = teachers.find(teacherId).map(Teacher::schoolId).orElse(null);
        transfer(teacherId, toSchoolId, effectiveOn).andExpect(status().is(status))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(ruleId == null ? jsonPath("$.ruleId").doesNotExist() : jsonPath("$.ruleId").value(ruleId));
        assertThat(count("teacher_transfer")).isEqualTo(before);
        assertThat(teachers.find(teacherId).map(Teacher::schoolId).orElse(null)).isEqualTo(school);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static String body(String staffNumber, String name, String gender, Long schoolId, String stage, String cert, String hireDate) {
        return """
                {"staffNumber":"%s","name":"%s","gender":"%s","schoolId":%d,"stage":"%s","subject":"语文",
                 "qualificationCertificateNumber":"%s","hireDate":"%s"}""".formatted(staffNumber, name, gender, schoolId, stage, cert, hireDate);
    }
}
