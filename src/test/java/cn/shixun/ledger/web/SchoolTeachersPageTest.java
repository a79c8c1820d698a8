package cn.shixun.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A school's list of teachers with their hours, and the home-page links that lead to the hours pages. */
class SchoolTeachersPageTest extends PageTestSupport {

    @Test
    void schoolAdminSeesEachTeachersTotalsAndWhetherAllIsMet() throws Exception {
        data.bureauTraining(ledger, LocalDate.now(clock).minusDays(3), "区级培训");
        String html = mvc.perform(get("/schools/{id}/teachers", data.schoolA.getId()).with(user(data.schoolAdminA)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("页面测试甲区小学 教师学时", data.teacher.staffNumber(),
                "href=\"/teachers/" + data.teacher.getId() + "/hours\"", ">24<", "未达标", "共 1 位教师")
                .doesNotContain(data.otherTeacher.staffNumber());
    }

    @Test
    void reviewerInScopeMaySeeTheListOthersMayNot() throws Exception {
        mvc.perform(get("/schools/{id}/teachers", data.schoolA.getId()).with(user(data.reviewerA)))
                .andExpect(status().isOk());
        mvc.perform(get("/schools/{id}/teachers", data.schoolA.getId()).with(user(data.reviewerB)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/schools/{id}/teachers", data.schoolA.getId()).with(user(data.teacherUser)))
                .andExpect(status().isForbidden());
    }

    @Test
    void unknownSchoolOrARegionIsAPageNotFound() throws Exception {
        mvc.perform(get("/schools/{id}/teachers", 987_654_321L).with(user(data.reviewerA)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/schools/{id}/teachers", data.countyA.getId()).with(user(data.reviewerA)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("您要找的页面不存在")));
    }

    @Test
    void homeLinksLeadTeachersToTheirHoursAndSchoolAdminsToTheirSchool() throws Exception {
        mvc.perform(get("/").with(user(data.teacherUser)))
                .andExpect(content().string(allOf(containsString("href=\"/my/hours\""),
                        containsString("href=\"/my/hours/preview\""), containsString("学时测算"))));
        mvc.perform(get("/").with(user(data.schoolAdminA)))
                .andExpect(content().string(allOf(
                        containsString("href=\"/schools/" + data.schoolA.getId() + "/teachers\""),
                        not(containsString("href=\"/my/hours\"")))));
        mvc.perform(get("/").with(user(data.reviewerA)))
                .andExpect(content().string(allOf(not(containsString("/teachers\"")), not(containsString("/my/hours")))));
    }
}
