package cn.shixun.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.ledger.LedgerEntry;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** 我的学时 and a teacher's hours for reviewers: who may open which page, and what it says. */
class HoursPagesTest extends PageTestSupport {

    /** A 依据 disclosure (fragments/basis.html and the profile's): where a rule code may still be read. */
    private static final Pattern BASIS = Pattern.compile("<details class=\"basis\".*?</details>", Pattern.DOTALL);

    @Test
    void anonymousVisitorIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/my/hours")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    void teacherSeesProfileCycleRequirementsAndEntriesNewestFirst() throws Exception {
        data.bureauTraining(ledger, LocalDate.now(clock).minusDays(40), "较早的区级培训");
        data.bureauTraining(ledger, LocalDate.now(clock).minusDays(10), "最近的区级培训");

        String html = mvc.perform(get("/my/hours").with(user(data.teacherUser)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("我的学时"), containsString("kunming-2015"), containsString("当前周期"),
                        containsString("学时要求"), containsString("还差"), containsString("data-rule=\"R-13\""),
                        containsString("county.officer"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(html.indexOf("最近的区级培训")).as("newest first").isLessThan(html.indexOf("较早的区级培训"));
    }

    @Test
    void reversalIsMarkedAndLinkedToTheEntryItReverses() throws Exception {
        LedgerEntry original = data.bureauTraining(ledger, LocalDate.now(clock).minusDays(5), "登记错了的培训");
        LedgerEntry reversal = ledger.correct(original.getId(), "证书编号有误", null, null, "county.officer").get(0);

        mvc.perform(get("/my/hours").with(user(data.teacherUser)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("冲正"), containsString("href=\"#entry-" + original.getId() + "\""),
                        containsString("id=\"entry-" + reversal.getId() + "\""),
                        containsString("已冲正"), containsString(">-24<"))));
    }

    @Test
    void emptyLedgerSaysWhatIsRequired() throws Exception {
        mvc.perform(get("/my/hours").with(user(data.teacherUser)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("您还没有学时记录"), containsString("按适用政策，需要完成"))));
    }

    @Test
    void R10_aShortCategorySaysWhichKindsOfTrainingCountTowardIt() throws Exception {
        String sanmenxia = data.sanmenxiaTeacher(organisations, teachers, accounts);

        String html = mvc.perform(get("/my/hours").with(user(sanmenxia))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        // Each requirement short gets its advice: Sanmenxia's public course, ethics, school-based and subject categories.
        Matcher advice = Pattern.compile("data-test=\"requirement-advice\">(.*?)</p>", Pattern.DOTALL).matcher(html);
        List<String> advices = new ArrayList<>();
        while (advice.find()) {
            advices.add(advice.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", ""));
        }
        assertThat(advices).hasSizeGreaterThanOrEqualTo(4)
                .anyMatch(text -> text.startsWith("可计入此项的培训：公需课"))
                .anyMatch(text -> text.contains("学科知识、技能培训"))
                .allMatch(text -> text.endsWith("先测算能计多少学时"));
    }

    @Test
    void R09_aShortfallOfAllHoursSaysEveryRecognisedKindCounts() throws Exception {
        mvc.perform(get("/my/hours").with(user(data.teacherUser))).andExpect(status().isOk())
                .andExpect(content().string(containsString("本政策认定的各类培训都计入此项")));
    }

    @Test
    void R09_aKunmingTeacherSeesTheNoticesWordsAsBasisAndNoBareRuleCode() throws Exception {
        String html = mvc.perform(get("/my/hours").with(user(data.teacherUser))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("依据", "昆明市《中小学教师培训学时登记管理办法（试行）》第三条、第十六条",
                "其他教师每年参加培训不少于72学时。");
        String outsideBasis = BASIS.matcher(html).replaceAll("");
        assertThat(outsideBasis).as("the page without its 依据 elements").doesNotContain("R-09")
                .doesNotContain("kunming-2015").contains("起施行");
    }

    @Test
    void everyPageHasTheRolesMenuWithThePageShownMarked() throws Exception {
        String html = mvc.perform(get("/my/hours").with(user(data.teacherUser))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("data-test=\"site-nav\"", "首页", "学时测算").doesNotContain("href=\"/audit\"");
        assertThat(Pattern.compile("<a [^>]*aria-current=\"page\"[^>]*>").matcher(html).results()
                .map(MatchResult::group)).singleElement().asString().contains("href=\"/my/hours\"");
    }

    @Test
    void anotherDayShowsTheStatusOnThatDay() throws Exception {
        data.bureauTraining(ledger, LocalDate.of(2019, 5, 10), "2019年的培训");
        mvc.perform(get("/my/hours").param("date", "2019-06-30").with(user(data.teacherUser)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("显示的是 2019-06-30 的学时状况"),
                        containsString("2019年已获学时"), containsString("value=\"2019-06-30\""))));
    }

    @Test
    void badDateGivesAClearMessageAndTodaysStatusNotAnError() throws Exception {
        mvc.perform(get("/my/hours").param("date", "2024-13-45").with(user(data.teacherUser)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("“2024-13-45”不是有效的日期"), containsString("学时要求"))));
        mvc.perform(get("/my/hours").param("date", "1066-10-14").with(user(data.teacherUser)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("超出可查询范围")));
        mvc.perform(get("/my/hours").param("date", "<script>").with(user(data.teacherUser))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("is not a valid date"), containsString("&lt;script&gt;"), not(containsString("<script>")))));
    }

    @Test
    void schoolWithoutPolicyProfileSaysSoInsteadOfFailing() throws Exception {
        var province = organisations.createRegion(data.prefix + "N", "无方案测试省", OrganisationLevel.PROVINCE, null, null);
        var city = organisations.createRegion(data.prefix + "NS", "无方案测试市", OrganisationLevel.CITY, province.getId(), null);
        var county = organisations.createRegion(data.prefix + "NC", "无方案测试县", OrganisationLevel.COUNTY,
                city.getId(), null);
        var school = organisations.createSchool(data.prefix + "SN", "无方案测试学校", county.getId(),
                EnumSet.of(Stage.PRIMARY), SchoolKind.COUNTY_SCHOOL, county.getId());
        var teacher = teachers.hire(data.prefix + "009", "方老师", "女", school.getId(), Stage.PRIMARY, "语文",
                data.certificate(), LocalDate.of(2015, 9, 1));
        accounts.createTeacherAccount(data.prefix + ".noprofile", PageFixture.PASSWORD, teacher.getId());

        mvc.perform(get("/my/hours").with(user(data.prefix + ".noprofile")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-test=\"status-error\""),
                        containsString("您还没有学时记录"), not(containsString("data-test=\"summary\"")))));
    }

    @Test
    void teacherOpeningTheirOwnIdIsRedirectedToMyHours() throws Exception {
        mvc.perform(get("/teachers/{id}/hours", data.teacher.getId()).param("date", "2024-01-01").with(user(data.teacherUser)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/my/hours?date=2024-01-01"));
    }

    @Test
    void teacherOpeningAnotherTeachersPageFindsNoSuchPage() throws Exception {
        // docs/security.md: a teacher outside the scope is answered like one that does not exist.
        mvc.perform(get("/teachers/{id}/hours", data.otherTeacher.getId()).with(user(data.teacherUser)))
                .andExpect(status().isNotFound());
    }

    @Test
    void reviewerAndSchoolAdminInScopeSeeTheTeachersHours() throws Exception {
        data.bureauTraining(ledger, LocalDate.now(clock).minusDays(3), "区级班主任培训");
        for (String viewer : new String[] {data.reviewerA, data.schoolAdminA}) {
            mvc.perform(get("/teachers/{id}/hours", data.teacher.getId()).with(user(viewer)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("周红的学时"), containsString("区级班主任培训"),
                            containsString(data.teacher.staffNumber()), not(containsString("学时测算")))));
        }
    }

    @Test
    void reviewerOutOfScopeFindsNoSuchPage() throws Exception {
        mvc.perform(get("/teachers/{id}/hours", data.teacher.getId()).with(user(data.reviewerB)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/teachers/{id}/hours", data.otherTeacher.getId()).with(user(data.schoolAdminA)))
                .andExpect(status().isNotFound());
    }

    @Test
    void unknownTeacherIsAPageNotFound() throws Exception {
        mvc.perform(get("/teachers/{id}/hours", 987_654_321L).with(user(data.reviewerA)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("您要找的页面不存在")));
    }

    @Test
    void myHoursIsOnlyForTeachers() throws Exception {
        mvc.perform(get("/my/hours").with(user(data.reviewerA))).andExpect(status().isForbidden());
    }

    @Test
    void pageIsInEnglishWhenTheBrowserAsksForIt() throws Exception {
        mvc.perform(get("/my/hours").with(user(data.teacherUser)).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("My hours"), containsString("Requirements"),
                        containsString("You have no hours recorded yet"))));
    }
}
