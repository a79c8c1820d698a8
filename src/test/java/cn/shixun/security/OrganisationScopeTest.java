package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Who sees which teachers through the API (docs/security.md): a school its own, a county its
 * schools and the schools it registers for, a city its counties, a teacher only
 * themself; searches are filtered, not refused; and the scope follows a transfer at once.
 */
@SpringBootTest
class OrganisationScopeTest {

    @Autowired WebApplicationContext context;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired UserDetailsService users;
    @Autowired ObjectMapper json;

    MockMvc mvc;
    SecurityTestData data;
    Teacher teacherB;
    Organisation kindergarten;
    Teacher kindergartenTeacher;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        data = new SecurityTestData(organisations, teachers);
        teacherB = teachers.hire(data.prefix + "002", "王小红", "女", data.schoolB.getId(), Stage.PRIMARY, "数学",
                "2011410000000002", LocalDate.of(2016, 9, 1));
        // a city-direct kindergarten standing in county A is registered by county A, though it hangs under the city.
        kindergarten = organisations.createSchool(data.prefix + "SK", "市直机关幼儿园", data.city.getId(),
                Set.of(Stage.KINDERGARTEN), SchoolKind.CITY_DIRECT, data.countyA.getId());
        kindergartenTeacher = teachers.hire(data.prefix + "003", "赵园园", "女", kindergarten.getId(), Stage.KINDERGARTEN,
                "幼教", "2012410000000004", LocalDate.of(2018, 9, 1));
        account("admin-a", Role.SCHOOL_ADMIN, data.schoolA);
        account("admin-b", Role.SCHOOL_ADMIN, data.schoolB);
        account("reviewer-a", Role.COUNTY_REVIEWER, data.countyA);
        account("reviewer-b", Role.COUNTY_REVIEWER, data.countyB);
        account("city", Role.CITY_REVIEWER, data.city);
        account("province", Role.PROVINCE_REVIEWER, data.province);
        accounts.createTeacherAccount(data.username("teacher-a"), SecurityTestData.PASSWORD, data.teacher.getId());
    }

    @Test
    void searchesReturnOnlyTheTeachersInScope() throws Exception {
        assertThat(search("admin-a")).containsExactly(data.teacher.name());
        assertThat(search("admin-b")).containsExactly(teacherB.name());
        assertThat(search("reviewer-a")).containsExactlyInAnyOrder(data.teacher.name(), kindergartenTeacher.name());
        assertThat(search("reviewer-b")).containsExactly(teacherB.name());
        assertThat(search("city")).containsExactlyInAnyOrder(data.teacher.name(), teacherB.name(), kindergartenTeacher.name());
        assertThat(search("province")).hasSize(3);
        assertThat(search("teacher-a")).as("a teacher finds only themself").containsExactly(data.teacher.name());
        // A filter on a school outside the scope is an empty page, not someone else's teachers.
        as("admin-b", get("/api/teachers").param("schoolId", String.valueOf(data.schoolA.getId())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void R04_countyReviewerSeesTheCityDirectKindergartenItRegisters() throws Exception {
        as("reviewer-a", get("/api/teachers/" + kindergartenTeacher.getId())).andExpect(status().isOk());
        as("reviewer-a", get("/api/teachers/" + kindergartenTeacher.getId() + "/status")).andExpect(status().isOk());
        as("reviewer-b", get("/api/teachers/" + kindergartenTeacher.getId())).andExpect(status().isNotFound());
        as("admin-a", get("/api/teachers/" + kindergartenTeacher.getId())).andExpect(status().isNotFound());
    }

    @Test
    void teacherReadsOwnRecordsOnly() throws Exception {
        long own = data.teacher.getId();
        for (String path : List.of("/api/teachers/%d", "/api/teachers/%d/ledger", "/api/teachers/%d/status")) {
            as("teacher-a", get(path.formatted(own))).andExpect(status().isOk());
            as("teacher-a", get(path.formatted(teacherB.getId()))).andExpect(status().isNotFound());
        }
        as("teacher-a", post("/api/ledger/preview").contentType(MediaType.APPLICATION_JSON).content("""
                {"teacherId":%d,"claim":{"kind":"PROGRAMME_CERTIFIED","endDate":"2024-06-01","hours":50}}""".formatted(own)))
                .andExpect(status().isOk());
    }

    @Test
    void R37_scopeFollowsATransferAtOnce() throws Exception {
        long id = data.teacher.getId();
        as("admin-a", get("/api/teachers/" + id)).andExpect(status().isOk());
        as("admin-b", get("/api/teachers/" + id)).andExpect(status().isNotFound());

        as("city", post("/api/teachers/" + id + "/transfers").contentType(MediaType.APPLICATION_JSON)
                .content("{\"toSchoolId\":%d,\"effectiveOn\":\"2025-09-01\"}".formatted(data.schoolB.getId())))
                .andExpect(status().isCreated());

        // The very next request: the old school has lost the teacher, the new school and its county have them.
        as("admin-a", get("/api/teachers/" + id)).andExpect(status().isNotFound());
        as("admin-a", get("/api/teachers/" + id + "/ledger")).andExpect(status().isNotFound());
        as("reviewer-a", get("/api/teachers/" + id)).andExpect(status().isNotFound());
        as("admin-b", get("/api/teachers/" + id)).andExpect(status().isOk());
        as("reviewer-b", get("/api/teachers/" + id + "/status")).andExpect(status().isOk());
        assertThat(search("admin-a")).isEmpty();
        assertThat(search("admin-b")).containsExactlyInAnyOrder(data.teacher.name(), teacherB.name());
        // The teacher's own account follows too: their school is now B, their hours still theirs.
        as("teacher-a", get("/api/me")).andExpect(jsonPath("$.organisationId").value(data.schoolB.getId()));
        as("teacher-a", get("/api/teachers/" + id + "/ledger")).andExpect(status().isOk());
    }

    @Test
    void transferringSomeoneElsesTeacherIsRefused() throws Exception {
        as("admin-b", post("/api/teachers/" + data.teacher.getId() + "/transfers").contentType(MediaType.APPLICATION_JSON)
                .content("{\"toSchoolId\":%d,\"effectiveOn\":\"2025-09-01\"}".formatted(data.schoolB.getId())))
                .andExpect(status().isNotFound());
        assertThat(teachers.require(data.teacher.getId()).schoolId()).isEqualTo(data.schoolA.getId());
    }

    private void account(String name, Role role, Organisation organisation) {
        accounts.createAccount(data.username(name), SecurityTestData.PASSWORD, name, role, organisation.getId());
    }

    /** The names the account finds among this data set's teachers (staff numbers start with its prefix). */
    private List<String> search(String name) throws Exception {
        JsonNode page = json.readTree(as(name, get("/api/teachers").param("q", data.prefix).param("size", "100"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> names = new ArrayList<>();
        page.get("content").forEach(teacher -> names.add(teacher.get("name").asText()));
        return names;
    }

    private ResultActions as(String name, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(data.username(name)))).accept(MediaType.APPLICATION_JSON));
    }
}
