package cn.shixun.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** 学时测算: what a claim would earn for the signed-in teacher, refusals next to their field, nothing written. */
class PreviewPageTest extends PageTestSupport {

    private String end() {
        return LocalDate.now(clock).minusDays(7).toString();
    }

    private String start() {
        return LocalDate.now(clock).minusDays(9).toString();
    }

    private MockHttpServletRequestBuilder bureauTraining(String username) {
        return post("/my/hours/preview").with(user(username)).with(csrf())
                .param("kind", "BUREAU_TRAINING").param("startDate", start()).param("endDate", end()).param("days", "3")
                .param("approvedByEducationAuthority", "true");
    }

    /** The contents of the element with {@code data-test="name"} (first match, tags stripped). */
    private static String byTest(String html, String name) {
        // Up to the element's own end tag: a 依据 inside a <dd> holds a <div> of its own.
        var m = Pattern.compile("<(\\w+)\\b[^>]*data-test=\"" + name + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("element " + name).isTrue();
        return m.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
    }

    @Test
    void formOffersOnlyTheKindsOfTheTeachersProfileWithChineseLabels() throws Exception {
        mvc.perform(get("/my/hours/preview").with(user(data.teacherUser)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("学时测算"),
                        containsString("<option value=\"BUREAU_TRAINING\">教育行政部门、教师进修学校培训</option>"),
                        not(containsString("value=\"PUBLIC_COURSE\"")),
                        matchesPattern("(?s).*data-kinds=\"[^\"]*BUREAU_TRAINING[^\"]*\"[^>]*>\\s*<label for=\"days\".*"))));
    }

    @Test
    void R13_threeDaysWithoutStatedHoursWouldEarn24AndNothingIsWritten() throws Exception {
        String html = mvc.perform(bureauTraining(data.teacherUser))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(byTest(html, "result-hours")).isEqualTo("24 学时");
        assertThat(byTest(html, "result-rules")).contains("R-13");
        assertThat(byTest(html, "result-explanation")).contains("3天×8学时=24学时");
        assertThat(ledger.entriesOf(data.teacher.getId())).as("a preview writes nothing").isEmpty();
    }

    @Test
    void R14_excellentTraineeGets125Percent() throws Exception {
        String html = mvc.perform(bureauTraining(data.teacherUser).param("excellent", "true")
                        .param("classSize", "40").param("excellentCount", "4"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byTest(html, "result-hours")).isEqualTo("30 学时");
        assertThat(byTest(html, "result-rules")).contains("R-13", "R-14");
    }

    @Test
    void R14_refusalIsShownNextToTheExcellentCount() throws Exception {
        String html = mvc.perform(bureauTraining(data.teacherUser).param("excellent", "true")
                        .param("classSize", "40").param("excellentCount", "10"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byTest(html, "error-excellentCount")).contains("优秀学员 10 人超过班级 40 人的10%", "R-14");
        assertThat(html).doesNotContain("data-test=\"result-hours\"");
        assertThat(byTest(html, "preview-result")).contains("暂时算不出学时");
    }

    @Test
    void R13_henanConvertsNoDaysSoTheFormAsksForTheStatedHours() throws Exception {
        String zz = data.zhengzhouTeacher(organisations, teachers, accounts, data.certificate());
        String form = mvc.perform(get("/my/hours/preview").with(user(zz))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).containsPattern("data-kinds=\"[^\"]*BUREAU_TRAINING[^\"]*\"[^>]*>\\s*<label for=\"hours\"")
                .doesNotContainPattern("data-kinds=\"[^\"]*BUREAU_TRAINING[^\"]*\"[^>]*>\\s*<label for=\"days\"");

        String html = mvc.perform(bureauTraining(zz)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(byTest(html, "error-hours")).contains("请填写学时", "R-13");
        assertThat(html).doesNotContain("data-test=\"result-hours\"");
    }

    @Test
    void R01_teacherWithoutCertificateIsToldAboveTheForm() throws Exception {
        String zz = data.zhengzhouTeacher(organisations, teachers, accounts, null);
        String html = mvc.perform(bureauTraining(zz)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(byTest(html, "form-error")).contains("未取得教师资格证", "R-01");
    }

    @Test
    void unreadableNumberAndMissingEndDateAreNamedAtTheirFields() throws Exception {
        String html = mvc.perform(post("/my/hours/preview").with(user(data.teacherUser)).with(csrf())
                        .param("kind", "PROGRAMME_CERTIFIED").param("endDate", end()).param("hours", "十二"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byTest(html, "error-hours")).contains("格式不正确");

        html = mvc.perform(post("/my/hours/preview").with(user(data.teacherUser)).with(csrf())
                        .param("kind", "PROGRAMME_CERTIFIED").param("hours", "12"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byTest(html, "error-endDate")).isNotBlank();

        html = mvc.perform(post("/my/hours/preview").with(user(data.teacherUser)).with(csrf()).param("endDate", end()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byTest(html, "error-kind")).isNotBlank();
    }

    @Test
    void fieldsTheKindDoesNotUseAreIgnored() throws Exception {
        // Stated hours are not part of a per-unit kind: a value left in the hidden field changes nothing.
        String html = mvc.perform(post("/my/hours/preview").with(user(data.teacherUser)).with(csrf())
                        .param("kind", "SELF_STUDY_EXAM").param("endDate", end()).param("units", "2").param("hours", "999"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byTest(html, "result-hours")).isEqualTo("48 学时");
    }

    @Test
    void refusalReadsInEnglishWhenAsked() throws Exception {
        String html = mvc.perform(bureauTraining(data.teacherUser).param("excellent", "true")
                        .param("classSize", "40").param("excellentCount", "10")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("What would it earn?");
        assertThat(byTest(html, "error-excellentCount")).doesNotContainPattern("\\p{IsHan}").contains("R-14");
    }

    @Test
    void R23_aBureauTrainingLeftUnticked_isRefusedAtItsApprovalBox_notCreditedAsApproved() throws Exception {
        String html = mvc.perform(post("/my/hours/preview").with(user(data.teacherUser)).with(csrf())
                        .param("kind", "BUREAU_TRAINING").param("startDate", start()).param("endDate", end())
                        .param("days", "3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).containsPattern("data-kinds=\"[^\"]*BUREAU_TRAINING[^\"]*\"[^>]*>\\s*<label class=\"check\">"
                + "<input type=\"checkbox\" id=\"approvedByEducationAuthority\"");
        assertThat(byTest(html, "error-approvedByEducationAuthority")).contains("未经教育行政部门批准或备案");
        assertThat(html).doesNotContain("data-test=\"result-hours\"");
    }

    @Test
    void previewIsOnlyForTeachers() throws Exception {
        mvc.perform(get("/my/hours/preview").with(user(data.reviewerA))).andExpect(status().isForbidden());
        mvc.perform(post("/my/hours/preview").with(user(data.teacherUser)).param("kind", "BUREAU_TRAINING"))
                .andExpect(status().isForbidden());
    }
}
