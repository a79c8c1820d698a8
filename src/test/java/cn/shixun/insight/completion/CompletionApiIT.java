package cn.shixun.insight.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.Role;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The completion API on the demo data plus Kunming schools made for the test: schools on
 * both sides of the 10% boundary, the scope (an organisation outside it is 404), bad input (400
 * naming the field), and a year-end snapshot that a later transfer and a late credit leave as it
 * was (R-37 + R-38).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shixun.demo-data.enabled=true")
class CompletionApiIT {

    private static final RequestPostProcessor KUNMING_COUNTY = user("county.reviewer.km").roles(Role.COUNTY_REVIEWER.name());
    private static final RequestPostProcessor ZHENGZHOU_COUNTY = user("county.reviewer").roles(Role.COUNTY_REVIEWER.name());

    @Autowired WebApplicationContext context;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Ledger ledger;
    @Autowired CompletionSnapshots snapshots;
    @Autowired LiveCompletion live;

    MockMvc mvc;
    CompletionFixture fixture;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        fixture = new CompletionFixture(organisations, teachers, ledger);
    }

    @Test
    void r38_schoolsOnBothSidesOfTheTenPercentBoundaryAsTheCountySeesThem() throws Exception {
        CompletionFixture.School tenOneShort = fixture.school("5301029101", 9, 1);
        CompletionFixture.School elevenOneShort = fixture.school("5301029102", 10, 1);
        Long wuhua = fixture.wuhua().getId();

        mvc.perform(get("/api/completion").param("org", wuhua.toString()).param("year", "2025").with(KUNMING_COUNTY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.code == '5301029101')].counts.counted").value(hasItem(10)))
                .andExpect(jsonPath("$.rows[?(@.code == '5301029101')].counts.shortShare").value(hasItem(10.0)))
                .andExpect(jsonPath("$.rows[?(@.code == '5301029101')].notEligibleForAwards").value(hasItem(true)))
                .andExpect(jsonPath("$.rows[?(@.code == '5301029102')].counts.counted").value(hasItem(11)))
                .andExpect(jsonPath("$.rows[?(@.code == '5301029102')].counts.rate").value(hasItem(90.9)))
                .andExpect(jsonPath("$.rows[?(@.code == '5301029102')].notEligibleForAwards").value(hasItem(false)));
        mvc.perform(get("/api/completion/schools/" + tenOneShort.organisation().getId()).param("year", "2025")
                        .with(KUNMING_COUNTY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("LEDGER"))
                .andExpect(jsonPath("$.notEligibleForAwards").value(true))
                .andExpect(jsonPath("$.shortTeachers[0].teacherId").value(tenOneShort.lastShort().getId()))
                .andExpect(jsonPath("$.shortTeachers[0].shortfalls[0].code").value("YEAR_TOTAL"))
                .andExpect(jsonPath("$.shortTeachers[0].shortfalls[0].missing").value(32.0));
        mvc.perform(get("/api/completion/schools/" + elevenOneShort.organisation().getId()).param("year", "2025")
                        .with(KUNMING_COUNTY))
                .andExpect(jsonPath("$.notEligibleForAwards").value(false))
                .andExpect(jsonPath("$.counts.shortCount").value(1));
    }

    @Test
    void anOrganisationOrSchoolOutsideTheScopeIsNotFound() throws Exception {
        Long wuhua = fixture.wuhua().getId();
        Long kunmingSchool = organisations.findByCode("5301020001").orElseThrow().getId();

        mvc.perform(get("/api/completion").param("org", wuhua.toString()).with(ZHENGZHOU_COUNTY))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("org"));
        mvc.perform(get("/api/completion/schools/" + kunmingSchool).with(ZHENGZHOU_COUNTY))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/completion").param("org", "99999999").with(ZHENGZHOU_COUNTY))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/completion").param("org", wuhua.toString()).with(ZHENGZHOU_COUNTY))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/completion/schools.xlsx").param("org", wuhua.toString()).with(ZHENGZHOU_COUNTY))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/completion").with(user("teacher").roles(Role.TEACHER.name())))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBadYearOrBasisIsA400NamingTheField() throws Exception {
        mvc.perform(get("/api/completion").param("year", "20x6").with(ZHENGZHOU_COUNTY))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("year"));
        mvc.perform(get("/api/completion").param("year", "2027").with(ZHENGZHOU_COUNTY))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("year"));
        mvc.perform(get("/api/completion").param("basis", "decade").with(ZHENGZHOU_COUNTY))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("basis"));
        mvc.perform(get("/dashboard/completion/schools.xlsx").param("year", "1999").with(ZHENGZHOU_COUNTY))
                .andExpect(status().isBadRequest());
    }

    @Test
    void r37_r38_theYearEndSnapshotKeepsThePastYearsFlagAfterATransferAndALateCredit() throws Exception {
        CompletionFixture.School flagged = fixture.school("5301029103", 9, 1);
        CompletionFixture.School other = fixture.school("5301029104", 2, 0);
        Long schoolId = flagged.organisation().getId();
        Long shortTeacher = flagged.lastShort().getId();

        CompletionSnapshots.Taken first = snapshots.take(2025, java.util.List.of(schoolId), "test");
        // After the snapshot: the late credit lifts the teacher to 72 hours in 2025, then the teacher moves on.
        fixture.credit(flagged.lastShort(), LocalDate.of(2025, 12, 20), "32", "LATE-5301029103");
        teachers.transfer(shortTeacher, other.organisation().getId(), LocalDate.of(2026, 3, 1), "test");
        CompletionSnapshots.Taken again = snapshots.take(2025, java.util.List.of(schoolId), "test");

        assertThat(first.taken()).isEqualTo(1);
        assertThat(again.taken()).isZero();
        assertThat(again.alreadyThere()).isEqualTo(1);
        assertThat(live.fresh(schoolId, Basis.YEAR, LocalDate.of(2025, 12, 31)).figures().shortCount())
                .as("computed again from the ledger, the late credit counts").isZero();
        mvc.perform(get("/api/completion/schools/" + schoolId).param("year", "2025").with(KUNMING_COUNTY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("SNAPSHOT"))
                .andExpect(jsonPath("$.counts.counted").value(10))
                .andExpect(jsonPath("$.counts.shortCount").value(1))
                .andExpect(jsonPath("$.notEligibleForAwards").value(true))
                .andExpect(jsonPath("$.shortTeachers[0].teacherId").value(shortTeacher))
                .andExpect(jsonPath("$.shortTeachers[0].shortfalls[0].missing").value(32.0));
        mvc.perform(get("/api/completion/schools/" + schoolId).with(KUNMING_COUNTY))
                .andExpect(jsonPath("$.source").value("LEDGER"))
                .andExpect(jsonPath("$.counts.counted").value(9));
    }
}
