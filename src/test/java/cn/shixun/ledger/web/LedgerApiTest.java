package cn.shixun.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.security.Role;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The ledger API end to end on the shared application context (security on). */
@SpringBootTest
@WithMockUser(username = LedgerApiTest.OFFICER)
class LedgerApiTest {

    /** A county reviewer of the test county: every teacher here is in their scope. */
    static final String OFFICER = "county-officer";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired WebApplicationContext context;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired JdbcTemplate jdbc;
    @Autowired Accounts accounts;

    MockMvc mvc;
    Teacher teacher;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        Long province = organisations.findByCode("530000").orElseGet(() ->
                organisations.createRegion("530000", "云南省", OrganisationLevel.PROVINCE, null, null)).getId();
        Long city = organisations.findByCode("530100").orElseGet(() ->
                organisations.createRegion("530100", "昆明市", OrganisationLevel.CITY, province, "kunming-2015")).getId();
        Long county = organisations.findByCode("530198").orElseGet(() ->
                organisations.createRegion("530198", "接口测试区", OrganisationLevel.COUNTY, city, null)).getId();
        String code = "53019800" + String.format("%02d", SEQUENCE.incrementAndGet());
        Long school = organisations.createSchool(code, "接口测试学校" + code, county, EnumSet.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, county).getId();
        if (!accounts.exists(OFFICER)) {
            accounts.createAccount(OFFICER, "secret-123", "区审核员", Role.COUNTY_REVIEWER, county);
        }
        teacher = teachers.hire(code + "001", "李老师", "女", school, Stage.PRIMARY, "数学", "2016" + code + "001",
                LocalDate.of(2010, 9, 1));
    }

    private int rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE teacher_id = ?", Integer.class, teacher.getId());
    }

    private MockHttpServletRequestBuilder postJson(String url, Object id, String body) {
        return post(url, id).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String registration(String evidence, String claim) {
        return """
                {"sourceType":"PROJECT","sourceRef":"KM-P-9","evidenceNumber":"%s","evidenceFiles":["scan/%s.pdf"],
                 "claim":%s}""".formatted(evidence, evidence, claim);
    }

    @Test
    void previewSaysWhatACertificateWouldEarnAndWritesNothing() throws Exception {
        mvc.perform(post("/api/ledger/preview").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"teacherId":%d,"claim":{"kind":"BUREAU_TRAINING","approvedByEducationAuthority":true,"startDate":"2024-03-01",
                                 "endDate":"2024-03-03","days":3,"excellent":true,"classSize":40,"excellentCount":4}}"""
                                .formatted(teacher.getId())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hours").value(30.0))
                .andExpect(jsonPath("$.ruleIds").value(hasItems("R-13", "R-14")))
                .andExpect(jsonPath("$.decision.key").value("creditRules"))
                .andExpect(jsonPath("$.explanation").value(containsString("125")));
        assertThat(rows()).isZero();
    }

    @Test
    void registerRecordsTheActingUserAndListsTheEntry() throws Exception {
        mvc.perform(postJson("/api/teachers/{id}/ledger", teacher.getId(), registration("KM-API-1", """
                        {"kind":"SCHOOL_BASED","endDate":"2024-06-01","hours":20}""")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.hours").value(20.0))
                .andExpect(jsonPath("$.decidedBy").value("county-officer"))
                .andExpect(jsonPath("$.evidenceFiles[0]").value("scan/KM-API-1.pdf"));
        mvc.perform(get("/api/teachers/{id}/ledger", teacher.getId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].category").value("SCHOOL_BASED"));
        mvc.perform(get("/api/teachers/{id}/status", teacher.getId()).param("date", "2024-07-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.profile.code").value("kunming-2015"))
                .andExpect(jsonPath("$.cycle.start").value("2021-01-01"))
                .andExpect(jsonPath("$.yearTotal").value(20.0))
                .andExpect(jsonPath("$.requirements[?(@.code=='YEAR_TOTAL')].missing").value(52.0));
    }

    @Test
    void aMisspeltFieldIsRefusedByItsPathInsteadOfIgnored_andNothingIsWritten() throws Exception {
        // "approvedByEducationAuthorty" read without complaint would have left the claim's approval unsaid.
        mvc.perform(postJson("/api/teachers/{id}/ledger", teacher.getId(), registration("KM-API-U1", """
                        {"kind":"PROGRAMME_CERTIFIED","endDate":"2024-06-01","hours":50,
                         "approvedByEducationAuthorty":false}""")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("claim.approvedByEducationAuthorty"))
                .andExpect(jsonPath("$.detail").value(containsString("claim.approvedByEducationAuthorty")));
        mvc.perform(postJson("/api/teachers/{id}/ledger", teacher.getId(), registration("KM-API-U2", """
                        {"kind":"PROGRAMME_CERTIFIED","endDate":"2024-06-01","hours":"fifty"}""")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("claim.hours"));
        assertThat(rows()).isZero();
    }

    @Test
    void R40_sameEvidenceTwiceIs409AndWritesNothing() throws Exception {
        String body = registration("KM-API-2", """
                {"kind":"PROGRAMME_CERTIFIED","endDate":"2024-06-01","hours":50}""");
        mvc.perform(postJson("/api/teachers/{id}/ledger", teacher.getId(), body)).andExpect(status().isCreated());
        mvc.perform(postJson("/api/teachers/{id}/ledger", teacher.getId(), body))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.ruleId").value("R-40"))
                .andExpect(jsonPath("$.field").value("evidenceNumber"));
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void R40_hoursThatRoundToZeroAreRefusedEverywhereAndNothingIsWritten() throws Exception {
        for (String hours : List.of("0.001", "0.004")) {
            mvc.perform(postJson("/api/teachers/{id}/ledger", teacher.getId(), registration("KM-API-Z" + hours, """
                            {"kind":"PROGRAMME_CERTIFIED","endDate":"2024-06-01","hours":%s}""".formatted(hours))))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(jsonPath("$.ruleId").value("R-40"))
                    .andExpect(jsonPath("$.field").value("hours"))
                    .andExpect(jsonPath("$.detail").value(containsString("0.00")));
        }
        mvc.perform(post("/api/ledger/preview").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"teacherId":%d,"claim":{"kind":"PROGRAMME_CERTIFIED","endDate":"2024-06-01","hours":0.001}}"""
                        .formatted(teacher.getId())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("hours"));
        mvc.perform(postJson("/api/teachers/{id}/legacy-hours", teacher.getId(), """
                        {"items":[{"year":2014,"category":"GENERAL","hours":0.001,"paperEvidence":"KM-PAPER-Z"}]}"""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-41"))
                .andExpect(jsonPath("$.field").value("items[0].hours"));
        assertThat(rows()).isZero();

        mvc.perform(postJson("/api/teachers/{id}/ledger", teacher.getId(), registration("KM-API-Z", """
                        {"kind":"PROGRAMME_CERTIFIED","endDate":"2024-06-01","hours":0.005}""")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.hours").value(0.01));
        Long entryId = jdbc.queryForObject("SELECT MAX(id) FROM ledger_entry WHERE teacher_id = ?", Long.class, teacher.getId());
        mvc.perform(postJson("/api/ledger/{entryId}/corrections", entryId, """
                        {"reason":"应为0.001","replacement":{"kind":"PROGRAMME_CERTIFIED","endDate":"2024-06-01","hours":0.001}}"""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("hours"));
        assertThat(rows()).as("neither the reversal nor the replacement").isEqualTo(1);
    }

    @Test
    void R40_anEvidenceNumberInFullWidthFormsIsTheSameCertificateThroughTheApi() throws Exception {
        mvc.perform(postJson("/api/teachers/{id}/ledger", teacher.getId(), registration("KM-API-W1", """
                        {"kind":"PROGRAMME_CERTIFIED","endDate":"2024-06-01","hours":8}""")))
                .andExpect(status().isCreated());
        mvc.perform(postJson("/api/teachers/{id}/ledger", teacher.getId(), registration("ｋｍ－ａｐｉ－ｗ１\\u200b", """
                        {"kind":"PROGRAMME_CERTIFIED","endDate":"2024-06-01","hours":8}""")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.ruleId").value("R-40"))
                .andExpect(jsonPath("$.field").value("evidenceNumber"));
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void badInputIs422NamingTheFieldInChineseOrEnglish() throws Exception {
        mvc.perform(postJson("/api/teachers/{id}/ledger", teacher.getId(), registration("KM-API-3", """
                        {"kind":"BUREAU_TRAINING","startDate":"2024-03-01","endDate":"2024-03-01","hours":30}""")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("hours"))
                .andExpect(jsonPath("$.detail").value(containsString("24学时")));
        mvc.perform(postJson("/api/teachers/{id}/ledger", teacher.getId(), registration("KM-API-4", """
                        {"kind":"TEA_CEREMONY","endDate":"2024-03-01","hours":3}""")).header("Accept-Language", "en"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("claim.kind"))
                .andExpect(jsonPath("$.detail").value(containsString("is not a valid value")));
        mvc.perform(postJson("/api/teachers/{id}/ledger", teacher.getId(), registration("KM-API-5", """
                        {"kind":"BUREAU_TRAINING","endDate":"2024-03-01","hours":8,"approvedByEducationAuthority":false}""")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-23"));
        assertThat(rows()).isZero();
    }

    @Test
    void R40_correctionAppendsReversalAndReplacement() throws Exception {
        mvc.perform(postJson("/api/teachers/{id}/ledger", teacher.getId(), registration("KM-API-6", """
                        {"kind":"PROGRAMME_CERTIFIED","endDate":"2024-06-01","hours":50}""")))
                .andExpect(status().isCreated());
        Long entryId = jdbc.queryForObject("SELECT MAX(id) FROM ledger_entry WHERE teacher_id = ?", Long.class, teacher.getId());
        mvc.perform(postJson("/api/ledger/{entryId}/corrections", entryId, """
                        {"reason":"证书学时为45","replacement":{"kind":"PROGRAMME_CERTIFIED","endDate":"2024-06-01","hours":45}}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].reversesEntryId").value(entryId))
                .andExpect(jsonPath("$[0].hours").value(-50.0))
                .andExpect(jsonPath("$[1].hours").value(45.0));
        assertThat(rows()).isEqualTo(3);
    }

    @Test
    void R17_aFullCapIsRefusedWithTheYearReadable() throws Exception {
        mvc.perform(postJson("/api/teachers/{id}/ledger", teacher.getId(), registration("KM-API-7", """
                        {"kind":"SCHOOL_BASED","endDate":"2024-06-01","hours":48}""")))
                .andExpect(status().isCreated());
        mvc.perform(postJson("/api/teachers/{id}/ledger", teacher.getId(), registration("KM-API-8", """
                        {"kind":"SCHOOL_BASED","endDate":"2024-09-01","hours":2}""")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-17"))
                .andExpect(jsonPath("$.detail").value(containsString("2024年已达年度上限 48 学时")));
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void R41_legacyHoursImport() throws Exception {
        mvc.perform(postJson("/api/teachers/{id}/legacy-hours", teacher.getId(), """
                        {"items":[{"year":2014,"category":"GENERAL","hours":80,"paperEvidence":"KM-PAPER-7"}]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[0].sourceType").value("IMPORT"))
                .andExpect(jsonPath("$[0].decidedBy").value("county-officer"));
        mvc.perform(postJson("/api/teachers/{id}/legacy-hours", teacher.getId(), """
                        {"items":[{"year":2013,"category":"GENERAL","hours":8,"paperEvidence":"KM-PAPER-8"},
                                  {"year":2013,"category":"KNITTING","hours":8,"paperEvidence":"KM-PAPER-8"}]}"""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("items[1].category"));
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void unknownTeacherIs404() throws Exception {
        mvc.perform(get("/api/teachers/{id}/status", 987654321L))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("teacherId"));
    }
}
