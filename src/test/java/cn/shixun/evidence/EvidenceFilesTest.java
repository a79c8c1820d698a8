package cn.shixun.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.organisation.Organisations;
import cn.shixun.security.Accounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teachers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Evidence files through the API and the page download, as the people of two counties use and
 * attack them (docs/security.md lists the attacks): storage, scope, names, types, sizes, audit.
 */
@SpringBootTest
class EvidenceFilesTest {

    static final int MB = 1024 * 1024;

    @Autowired Clock clock;
    @Autowired WebApplicationContext context;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired EvidenceFiles evidence;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    MockMvc mvc;
    EvidenceFixture data;

    @BeforeEach
    void twoCounties() {
        // MockMvc does not add servlet filters by itself: the request size limit must be there as in production.
        mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(context.getBean("requestSizeLimit", Filter.class))
                .apply(springSecurity()).build();
        data = new EvidenceFixture(organisations, teachers, accounts);
    }

    @Test
    void R40_aTeacherUploadsTheirScanAndReadsItBack_uploadAndDownloadAreAudited() throws Exception {
        byte[] pdf = SamplePdf.withText("Diploma of Li Chunmei");
        JsonNode stored = body(upload("teacher-a", data.teacherA.getId(), "毕业证书.pdf", pdf)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("毕业证书.pdf"))
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.size").value(pdf.length))
                .andExpect(jsonPath("$.sha256").value(sha256(pdf)))
                .andExpect(jsonPath("$.uploadedAt").isNotEmpty()));
        String id = stored.get("id").asText();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

        as("teacher-a", get("/api/evidence/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.teacherId").value(data.teacherA.getId()))
                .andExpect(jsonPath("$.uploadedBy").value(data.user("teacher-a")));
        for (MockHttpServletResponse download : List.of(
                as("teacher-a", get("/api/evidence/" + id + "/content")).andReturn().getResponse(),
                page("admin-a", get("/evidence/" + id)).andReturn().getResponse())) {
            assertThat(download.getStatus()).isEqualTo(200);
            assertThat(download.getContentAsByteArray()).isEqualTo(pdf);
            assertThat(download.getContentType()).isEqualTo("application/pdf");
            assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;")
                    .contains("filename*=UTF-8''%E6%AF%95%E4%B8%9A%E8%AF%81%E4%B9%A6.pdf");
            assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(download.getHeader("Content-Security-Policy")).isEqualTo("sandbox");
            assertThat(download.getHeader("Cache-Control")).contains("no-store");
        }
        assertThat(auditLines(id)).containsExactly(
                "evidence.upload " + data.user("teacher-a"),
                "evidence.download " + data.user("teacher-a"),
                "evidence.download " + data.user("admin-a"));
    }

    @Test
    void jpegAndPngAreRecognisedByContent_theStoredNameGetsTheRightExtension() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        upload("teacher-a", data.teacherA.getId(), "签到表", jpeg).andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("签到表.jpg")).andExpect(jsonPath("$.contentType").value("image/jpeg"));
        upload("teacher-a", data.teacherA.getId(), "证书.pdf", png).andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("证书.pdf.png")).andExpect(jsonPath("$.contentType").value("image/png"));
    }

    @Test
    void aSchoolAdministratorUploadsForTheirTeachers_nobodyElseUploads() throws Exception {
        byte[] pdf = SamplePdf.withText("sign-in sheet");
        long teacherA = data.teacherA.getId();
        upload("admin-a", teacherA, "签到表.pdf", pdf).andExpect(status().isCreated())
                .andExpect(jsonPath("$.uploadedBy").value(data.user("admin-a")));
        // In scope but not an uploader: a county reviewer decides, the school and the teacher attach.
        upload("reviewer-a", teacherA, "x.pdf", pdf).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:shixun:problem:evidence.upload-not-allowed"));
        // Out of scope: the teacher is private, so the answer is the unknown teacher's 404.
        for (String outsider : List.of("admin-b", "reviewer-b", "teacher-b", "teacher-a2")) {
            upload(outsider, teacherA, "x.pdf", pdf).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("urn:shixun:problem:teacher.not-found"));
        }
        assertThat(rows(teacherA)).isEqualTo(1);
        mvc.perform(multipart("/api/teachers/" + teacherA + "/evidence").file(file("x.pdf", pdf))
                .accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized());
        assertThat(rows(teacherA)).isEqualTo(1);
    }

    @Test
    void pathTraversalInFileNames_isStoredUnderTheSanitisedName_andTheHeaderCarriesNoPathOrLineBreak() throws Exception {
        Map<String, String> names = Map.of(
                "../../etc/passwd.pdf", "passwd.pdf",
                "..\\..\\win.ini", "win.ini.pdf",
                "/etc/passwd", "passwd.pdf",
                "a/../../b.pdf", "b.pdf",
                "scan.pdf\u0000.exe", "scan.pdf.exe.pdf",
                "evil\r\nSet-Cookie: session=x.pdf", "evilSet-Cookie: session=x.pdf",
                "证".repeat(500) + ".pdf", "证".repeat(96) + ".pdf");
        for (var name : names.entrySet()) {
            String id = body(upload("teacher-a", data.teacherA.getId(), name.getKey(), SamplePdf.withText("x"))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value(name.getValue())))
                    .get("id").asText();
            assertThat(evidence.describe(id).orElseThrow().name()).isEqualTo(name.getValue());
            String disposition = as("teacher-a", get("/api/evidence/" + id + "/content")).andExpect(status().isOk())
                    .andReturn().getResponse().getHeader("Content-Disposition");
            assertThat(disposition).as(name.getKey()).doesNotContain("/", "\\", "\r", "\n", "\u0000", "..", "etc")
                    .startsWith("attachment;").contains("filename*=UTF-8''");
        }
    }

    @Test
    void anotherOrganisationsFileById_is404OnApiMetadataApiContentAndPageDownload_withNothingInTheBody() throws Exception {
        String name = "李春梅毕业证.pdf";
        String id = stored("teacher-a", name);
        String unknown = "00000000-0000-4000-8000-000000000000";
        for (String attacker : List.of("admin-b", "reviewer-b", "teacher-b")) {
            for (String path : List.of("/api/evidence/%s", "/api/evidence/%s/content")) {
                String outside = as(attacker, get(path.formatted(id))).andExpect(status().isNotFound())
                        .andExpect(jsonPath("$.type").value("urn:shixun:problem:evidence.not-found"))
                        .andReturn().getResponse().getContentAsString();
                String missing = as(attacker, get(path.formatted(unknown))).andExpect(status().isNotFound())
                        .andReturn().getResponse().getContentAsString();
                // The same answer as for an id that does not exist, apart from the address asked for.
                assertThat(outside.replace(id, "ID")).isEqualTo(missing.replace(unknown, "ID")).doesNotContain(name, "PDF-");
            }
            page(attacker, get("/evidence/" + id)).andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(name))));
        }
        for (String malformed : List.of("1", "' OR 1=1 --", id.toUpperCase(), id + "x")) {
            as("admin-a", get("/api/evidence/{id}", malformed)).andExpect(status().isNotFound());
        }
        // An encoded path is refused before any controller (Spring Security's firewall).
        as("admin-a", get("/api/evidence/..%2F..%2Fetc%2Fpasswd")).andExpect(status().isBadRequest());
        assertThat(auditLines(id)).containsExactly("evidence.upload " + data.user("teacher-a"));
    }

    @Test
    void R40_anOrganisationsOwnFile_isUploadedAndReadByItsScopeOnly_anotherCountyOrATeacherGets404() throws Exception {
        long schoolA = data.schoolA.getId();
        byte[] pdf = SamplePdf.withText("course design");
        String id = body(as("admin-a", multipart("/api/organisations/" + schoolA + "/evidence")
                        .file(file("课程方案.pdf", pdf)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.organisationId").value(schoolA))
                .andExpect(jsonPath("$.teacherId").doesNotExist()))
                .get("id").asText();
        // Who may see the school's cases reads it: the school and the county above it.
        as("admin-a", get("/api/evidence/" + id + "/content")).andExpect(status().isOk());
        page("reviewer-a", get("/evidence/" + id)).andExpect(status().isOk());
        String unknown = "00000000-0000-4000-8000-000000000000";
        // Another county, another school, and the school's own teachers (the school's cases are not theirs): 404.
        for (String attacker : List.of("admin-b", "reviewer-b", "teacher-a", "teacher-b")) {
            String outside = as(attacker, get("/api/evidence/" + id)).andExpect(status().isNotFound())
                    .andReturn().getResponse().getContentAsString();
            String missing = as(attacker, get("/api/evidence/" + unknown)).andExpect(status().isNotFound())
                    .andReturn().getResponse().getContentAsString();
            assertThat(outside.replace(id, "ID")).isEqualTo(missing.replace(unknown, "ID")).doesNotContain("课程方案");
            as(attacker, get("/api/evidence/" + id + "/content")).andExpect(status().isNotFound());
            page(attacker, get("/evidence/" + id)).andExpect(status().isNotFound());
        }
        // Uploading as the organisation: a teacher, or an account whose scope does not cover it, is refused.
        for (String outsider : List.of("teacher-a", "admin-b", "reviewer-b")) {
            as(outsider, multipart("/api/organisations/" + schoolA + "/evidence").file(file("x.pdf", pdf)))
                    .andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evidence_file WHERE organisation_id = ?", Integer.class,
                schoolA)).isEqualTo(1);
        // An organisation's file is no teacher's evidence, and a teacher's file is no organisation's.
        String teachers = stored("teacher-a", "毕业证.pdf");
        assertThatThrownBy(() -> evidence.requireAttachable(id, data.teacherA.getId(), "diplomaFile"))
                .isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> evidence.requireAttachableToOrganisation(teachers, schoolA, "designFile"))
                .isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> evidence.requireAttachableToOrganisation(id, data.schoolB.getId(), "designFile"))
                .isInstanceOf(BusinessRuleException.class);
        assertThat(evidence.requireAttachableToOrganisation(id, schoolA, "designFile").id()).isEqualTo(id);
        // The table itself refuses a file with no owner or with two (V113's CHECK, on H2 and MariaDB alike).
        for (Object[] owners : List.of(new Object[] {null, null}, new Object[] {data.teacherA.getId(), schoolA})) {
            assertThatThrownBy(() -> jdbc.update("INSERT INTO evidence_file (id, teacher_id, organisation_id, name,"
                            + " content_type, size_bytes, sha256, uploaded_by, uploaded_at, content)"
                            + " VALUES (?, ?, ?, 'x.pdf', 'application/pdf', 1, ?, 'x', CURRENT_TIMESTAMP, ?)",
                    java.util.UUID.randomUUID().toString(), owners[0], owners[1], "0".repeat(64), new byte[] {1}))
                    .isInstanceOf(org.springframework.dao.DataAccessException.class);
        }
    }

    @Test
    void aTeacherReadingAnotherTeachersFile_is404() throws Exception {
        String id = stored("teacher-a", "毕业证.pdf");
        as("teacher-a2", get("/api/evidence/" + id)).andExpect(status().isNotFound());
        as("teacher-a2", get("/api/evidence/" + id + "/content")).andExpect(status().isNotFound());
        page("teacher-a2", get("/evidence/" + id)).andExpect(status().isNotFound());
        // Their school's administrator and the county above it read it.
        as("admin-a", get("/api/evidence/" + id)).andExpect(status().isOk());
        as("reviewer-a", get("/api/evidence/" + id + "/content")).andExpect(status().isOk());
    }

    @Test
    void oversizedFile_is413AndNothingIsStored() throws Exception {
        long teacherA = data.teacherA.getId();
        byte[] tooLarge = pdfOfSize(5 * MB + 1);
        upload("teacher-a", teacherA, "big.pdf", tooLarge).andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("urn:shixun:problem:evidence.too-large"))
                .andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("5 MB")));
        assertThat(rows(teacherA)).isZero();
        assertThatThrownBy(() -> evidence.store(accounts.find(data.user("teacher-a")).orElseThrow(), teacherA, "big.pdf",
                tooLarge)).isInstanceOfSatisfying(BusinessRuleException.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("file"));
        assertThat(rows(teacherA)).isZero();
        // Exactly the limit is accepted, stored whole and read back whole.
        byte[] atLimit = pdfOfSize(5 * MB);
        String id = body(upload("teacher-a", teacherA, "limit.pdf", atLimit).andExpect(status().isCreated())).get("id").asText();
        assertThat(as("teacher-a", get("/api/evidence/" + id + "/content")).andReturn().getResponse()
                .getContentAsByteArray()).isEqualTo(atLimit);
    }

    @Test
    void htmlOrAnExeRenamedPdf_orAnEmptyFile_isRefusedNamingTheAllowedTypes_andNothingIsStored() throws Exception {
        long teacherA = data.teacherA.getId();
        byte[] html = "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};
        for (byte[] disguised : List.of(html, exe)) {
            upload("teacher-a", teacherA, "毕业证.pdf", disguised).andExpect(status().isUnprocessableEntity())
                    .andExpect(jsonPath("$.type").value("urn:shixun:problem:evidence.type-not-allowed"))
                    .andExpect(jsonPath("$.field").value("file"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("PDF、JPEG 或 PNG")));
        }
        upload("teacher-a", teacherA, "空.pdf", new byte[0]).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("urn:shixun:problem:evidence.empty"))
                .andExpect(jsonPath("$.field").value("file"));
        assertThat(rows(teacherA)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'evidence.upload' AND actor = ?",
                Integer.class, data.user("teacher-a"))).isZero();
    }

    @Test
    void R37_aTransferMovesWhoMayReadTheFile() throws Exception {
        String id = stored("teacher-a", "毕业证.pdf");
        as("admin-b", get("/api/evidence/" + id)).andExpect(status().isNotFound());
        teachers.transfer(data.teacherA.getId(), data.schoolB.getId(), LocalDate.now(clock), "test");
        // The very next request: the new school and its county read the file, the old ones no longer do.
        as("admin-b", get("/api/evidence/" + id)).andExpect(status().isOk());
        as("reviewer-b", get("/api/evidence/" + id + "/content")).andExpect(status().isOk());
        page("admin-b", get("/evidence/" + id)).andExpect(status().isOk());
        as("admin-a", get("/api/evidence/" + id)).andExpect(status().isNotFound());
        as("reviewer-a", get("/api/evidence/" + id + "/content")).andExpect(status().isNotFound());
        page("admin-a", get("/evidence/" + id)).andExpect(status().isNotFound());
        as("teacher-a", get("/api/evidence/" + id + "/content")).andExpect(status().isOk());
    }

    @Test
    void R40_onlyTheTeachersOwnFileMayBeAttached_theRefusalNamesTheCallersField() throws Exception {
        String own = stored("teacher-a", "毕业证.pdf");
        String others = stored("teacher-b", "毕业证.pdf");
        Long teacherA = data.teacherA.getId();
        assertThat(evidence.requireAttachable(own, teacherA, "diplomaFile").name()).isEqualTo("毕业证.pdf");
        for (String id : Arrays.asList(others, "00000000-0000-4000-8000-000000000000", "files/diploma.pdf", "", null)) {
            assertThatThrownBy(() -> evidence.requireAttachable(id, teacherA, "diplomaFile"))
                    .isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
                        assertThat(refusal.field()).isEqualTo("diplomaFile");
                        assertThat(refusal.messageKey()).isEqualTo("evidence.not-attachable");
                        assertThat(refusal.ruleId()).isEqualTo("R-40");
                    });
        }
        assertThat(evidence.ofTeacher(teacherA)).extracting(EvidenceFile::id).containsExactly(own);
    }

    @Test
    void anonymousDownloads_areRefused() throws Exception {
        String id = stored("teacher-a", "毕业证.pdf");
        mvc.perform(get("/api/evidence/" + id + "/content")).andExpect(status().isUnauthorized());
        mvc.perform(get("/evidence/" + id).accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
    }

    // --- helpers ---

    private String stored(String uploader, String name) throws Exception {
        long teacherId = uploader.endsWith("-b") ? data.teacherB.getId() : data.teacherA.getId();
        return body(upload(uploader, teacherId, name, SamplePdf.withText(name)).andExpect(status().isCreated()))
                .get("id").asText();
    }

    private ResultActions upload(String role, long teacherId, String name, byte[] content) throws Exception {
        return as(role, multipart("/api/teachers/" + teacherId + "/evidence").file(file(name, content)));
    }

    private static MockMultipartFile file(String name, byte[] content) {
        // The client's Content-Type says PDF whatever the bytes are: only the content counts.
        return new MockMultipartFile("file", name, "application/pdf", content);
    }

    private ResultActions as(String role, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(data.user(role)))).accept(MediaType.APPLICATION_JSON));
    }

    private ResultActions page(String role, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(data.user(role)))).accept(MediaType.TEXT_HTML));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private int rows(long teacherId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evidence_file WHERE teacher_id = ?", Integer.class, teacherId);
    }

    private List<String> auditLines(String fileId) {
        return jdbc.queryForList("SELECT action, actor FROM audit_event WHERE subject_type = 'evidence-file'"
                        + " AND subject_id = ? ORDER BY id", fileId).stream()
                .map(row -> row.get("action") + " " + row.get("actor")).toList();
    }

    static byte[] pdfOfSize(int size) {
        byte[] pdf = Arrays.copyOf(SamplePdf.withText("padded"), size);
        Arrays.fill(pdf, SamplePdf.withText("padded").length, size, (byte) ' ');
        return pdf;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
