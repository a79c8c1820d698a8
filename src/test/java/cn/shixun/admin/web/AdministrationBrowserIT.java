package cn.shixun.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.schoolclass.SchoolClasses;
import cn.shixun.schoolclass.web.SchoolClassBrowserSupport;
import cn.shixun.security.Accounts;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14, item 3, done when: the platform administrator creates a Kunming city-direct primary school and its
 * school administrator through the pages, that administrator signs in with the one-time password and runs a
 * school-based class to credited hours, and the audit trail shows who created what. On the way, the
 * pages refuse a school without its registration authority, a school administrator at a city
 * and a taken username, and Henan's provincial administrator gets 404 for the new Kunming account.
 */
class AdministrationBrowserIT extends SchoolClassBrowserSupport {

    private static final String SCHOOL_CODE = "5301000002";
    private static final String SCHOOL = "昆明市春城路小学";
    private static final String ADMIN = "km.chuncheng.admin";
    private static final String COURSE = "新学期课堂常规与作业设计";

    @Autowired Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired Teachers teachers;
    @Autowired SchoolClasses classes;
    @Autowired ManagementService management;
    @Autowired Ledger ledger;
    @Autowired Clock clock;

    @Test
    void R02_R04_R35_thePlatformAdministratorOpensAKunmingCityDirectSchoolWhoseAdministratorRunsAClass() {
        signInAs("platform.admin");
        assertThat(byTest("who-org").getText()).isEqualTo("全平台（所有省份）");
        open("/");
        byTest("home-links").findElement(By.cssSelector("a[href='/admin/organisations']")).click();
        waitUntil(() -> currentPath().equals("/admin/organisations"));
        assertThat(byTest("organisations-heading").getText()).isEqualTo("机构管理");
        assertThat(byTest("tree").getText()).contains("郑州市", "昆明市", "五华区");

        // A city-direct primary school sits under the city and registers with the county where it stands.
        type("school-code", SCHOOL_CODE);
        type("school-name", SCHOOL);
        new Select(byTest("field-kind")).selectByVisibleText("市直学校");
        selectContaining("field-parentId", "昆明市（530100）");
        byTest("stage-PRIMARY").click();
        byTest("school-submit").click();
        assertThat(byTest("error-registrationAuthorityId").getText()).contains("R-04");
        assertThat(organisations.findByCode(SCHOOL_CODE)).as("a refusal creates nothing").isEmpty();
        assertThat(byTest("field-school-name").getAttribute("value")).isEqualTo(SCHOOL);
        selectContaining("field-registrationAuthorityId", "五华区（530102）");
        byTest("school-submit").click();
        assertThat(byTest("done").getText()).contains(SCHOOL);
        Organisation school = organisations.findByCode(SCHOOL_CODE).orElseThrow();
        assertThat(school.schoolKind()).isEqualTo(SchoolKind.CITY_DIRECT);
        assertThat(organisations.require(school.parentId(), "parentId").code()).isEqualTo("530100");
        assertThat(organisations.registrationAuthorityOf(school.getId()).code()).isEqualTo("530102");
        pageAtBothWidths("admin-01-organisations");

        // Its school administrator: a school administrator belongs to a school, a username is taken once.
        open("/admin/accounts");
        type("username", ADMIN);
        type("displayName", "李春华");
        new Select(byTest("field-role")).selectByValue("SCHOOL_ADMIN");
        selectContaining("field-organisationId", "昆明市（530100）");
        byTest("open-submit").click();
        assertThat(byTest("error-organisationId").getText()).contains("学校管理员", "R-02");
        assertThat(accounts.exists(ADMIN)).isFalse();
        selectContaining("field-organisationId", SCHOOL);
        byTest("open-submit").click();
        waitUntil(() -> currentPath().equals("/admin/accounts/" + ADMIN));
        assertThat(byTest("account-summary").getText()).contains("学校管理员", SCHOOL, "正常");
        String password = byTest("one-time-password").getText();
        assertThat(password).hasSize(12);
        pageAtBothWidths("admin-02-account-opened");
        open("/admin/accounts");
        type("username", ADMIN);
        type("displayName", "另一人");
        new Select(byTest("field-role")).selectByValue("SCHOOL_ADMIN");
        selectContaining("field-organisationId", SCHOOL);
        byTest("open-submit").click();
        assertThat(byTest("error-username").getText()).contains(ADMIN, "已被使用");
        assertThat(accounts.find(ADMIN).orElseThrow().displayName()).isEqualTo("李春华");
        open("/admin/accounts?q=" + ADMIN);
        assertThat(browser.findElements(By.cssSelector("[data-test='account-row']"))).hasSize(1);
        pageAtBothWidths("admin-03-accounts");

        // Henan's provincial administrator: the Kunming account is not there for them, and stays as it was.
        signInAs("sysadmin");
        assertThat(byTest("who-org").getText()).isEqualTo("河南省");
        assertThat(statusOf("GET", "/admin/accounts/" + ADMIN)).isEqualTo(404);
        assertThat(statusOf("POST", "/admin/accounts/" + ADMIN + "/disable")).isEqualTo(404);
        assertThat(statusOf("POST", "/admin/accounts/" + ADMIN + "/reset-password")).isEqualTo(404);
        open("/admin/accounts?q=" + ADMIN);
        assertThat(byTest("accounts-total").getText()).isEqualTo("共 0 个账号");
        assertThat(accounts.find(ADMIN)).as("still enabled").isPresent();

        // The new administrator signs in with the one-time password and runs a class with the school's teachers.
        List<Teacher> staff = hireThree(school.getId());
        signInAsNewAdmin(password);
        assertThat(byTest("who-org").getText()).isEqualTo(SCHOOL);
        long id = runClassToCreditedHours(staff, password);

        assertThat(byTest("case-status").getText()).isEqualTo("学时已登记");
        assertThat(browser.findElements(By.cssSelector("[data-test='learner']"))).hasSize(staff.size());
        for (Teacher teacher : staff) {
            assertThat(ledger.entriesOf(teacher.getId())).as(teacher.name() + "'s hours")
                    .anyMatch(entry -> ("schoolBasedClass/" + id).equals(entry.sourceRef()));
        }

        // The audit trail, as the platform administrator reads it: who opened the school and its administrator.
        signInAs("platform.admin");
        open("/audit?action=organisation.create-school&subjectId=" + SCHOOL_CODE);
        assertThat(byTest("audit-lines").getText()).contains("platform.admin", "新建学校", SCHOOL, "五华区");
        open("/audit?action=account.open&subjectId=" + ADMIN);
        assertThat(byTest("audit-lines").getText()).contains("platform.admin", "开通账号", "李春华");
        fullScreenshot("admin-04-audit");
    }

    @Test
    void R02_R04_R06_henansAdministratorMovesANewCountySchoolAndKeepsTheCountyTrainingSchools() {
        signInAs("sysadmin");
        open("/admin/organisations");
        assertThat(byTest("tree").getText()).contains("郑州市").doesNotContain("昆明市");
        type("school-code", "4101020099");
        type("school-name", "郑州市中原区迁校测试小学");
        new Select(byTest("field-kind")).selectByVisibleText("县（区）属学校");
        selectContaining("field-parentId", "中原区（410102）");
        byTest("stage-PRIMARY").click();
        byTest("school-submit").click();
        assertThat(byTest("done").getText()).contains("郑州市中原区迁校测试小学");
        Organisation school = organisations.findByCode("4101020099").orElseThrow();
        assertThat(organisations.registrationAuthorityOf(school.getId()).code()).as("its county, by R-04").isEqualTo("410102");

        // What moving does is said beside the form; the school then belongs to and registers with 金水区.
        assertThat(byTest("move-explained").getText()).contains("教师", "学时记录", "在办案件");
        selectContaining("field-schoolId", "郑州市中原区迁校测试小学");
        selectContaining("field-countyId", "金水区（410105）");
        byTest("move-submit").click();
        assertThat(byTest("done").getText()).contains("已迁移");
        assertThat(organisations.registrationAuthorityOf(school.getId()).code()).isEqualTo("410105");
        Long newParent = organisations.require(school.getId(), "id").parentId();
        assertThat(organisations.require(newParent, "parentId").code()).isEqualTo("410105");

        // A county teacher-training school of the province: registered, withdrawn; a university is not theirs.
        open("/admin/providers");
        type("name", "金水区教师进修学校（测试）");
        new Select(byTest("field-kind")).selectByVisibleText("县级教师培训机构");
        selectContaining("field-countyId", "金水区（410105）");
        byTest("provider-submit").click();
        assertThat(byTest("done").getText()).contains("已登记");
        pageAtBothWidths("admin-05-providers");
        providerRow("金水区教师进修学校（测试）").findElement(By.cssSelector("[data-test='withdraw']")).click();
        assertThat(byTest("done").getText()).contains("已移出名录");
        assertThat(providerRow("金水区教师进修学校（测试）").getText()).contains("已移出");
        type("name", "某师范大学（测试）");
        new Select(byTest("field-kind")).selectByIndex(1);
        byTest("provider-submit").click();
        assertThat(byTest("error-kind").getText()).contains("平台管理员");
    }

    private org.openqa.selenium.WebElement providerRow(String name) {
        return browser.findElement(By.cssSelector("[data-test='provider-row'][data-name='" + name + "']"));
    }

    /** The school's whole class as its administrator and 五华区's reviewer do it, from the course to credited hours. */
    private long runClassToCreditedHours(List<Teacher> staff, String password) {
        LocalDate today = LocalDate.now(clock);
        open("/school-classes/new");
        type("courseName", COURSE);
        new Select(byTest("field-courseType")).selectByVisibleText("校本培训");
        type("designedHours", "8");
        type("outline", "两次集体备课和一次展示课，围绕课堂常规和分层作业。");
        byTest("upload-design").sendKeys(samplePdf("new-school-course-", "Course design").toAbsolutePath().toString());
        byTest("course-submit").click();
        waitUntil(() -> currentPath().matches("/school-classes/\\d+"));
        long id = Long.parseLong(currentPath().substring("/school-classes/".length()));
        approveInWorkbench(id, COURSE, null);
        signInAs("county.reviewer.km");
        approveInWorkbench(id, COURSE, null);

        signInAsNewAdmin(password);
        openFromWorkbench(id, COURSE);
        type("className", "课堂常规研修班");
        type("organiser", "教务处");
        type("address", "学校多功能厅");
        type("lecturer", "王老师");
        type("headTeacher", "赵老师");
        type("headTeacherPhone", "0871-65550000");
        date("enrolmentStart", today);
        date("enrolmentEnd", today);
        date("studyStart", today);
        date("studyEnd", today);
        type("headcount", String.valueOf(staff.size()));
        type("classTime", "每周四 15:00-17:00");
        byTest("plan-submit").click();
        assertThat(byTest("done").getText()).contains("开班审核");
        signInAs("county.reviewer.km");
        approveInWorkbench(id, COURSE, null);

        signInAsNewAdmin(password);
        openFromWorkbench(id, COURSE);
        byTest("check-all").click();
        byTest("enrol-submit").click();
        assertThat(byTest("done").getText()).contains("学员审核");
        signInAs("county.reviewer.km");
        approveInWorkbench(id, COURSE, null);

        String instance = classes.require(id).processInstanceId();
        management.executeJob(management.createJobQuery().processInstanceId(instance)
                .activityId("IntermediateCatchEvent_StudyEnded").singleResult().getId());
        signInAsNewAdmin(password);
        openFromWorkbench(id, COURSE);
        byTest("all-pass").click();
        byTest("grade-submit").click();
        assertThat(byTest("done").getText()).contains("学校学时评定审核");
        approveInWorkbench(id, COURSE, null);
        signInAs("county.reviewer.km");
        approveInWorkbench(id, COURSE, "学时评定无误");
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
        open("/school-classes/" + id);
        return id;
    }

    /** Signs the new administrator in, with the one-time password the page handed over. */
    private void signInAsNewAdmin(String password) {
        browser.manage().deleteAllCookies();
        signIn(ADMIN, password);
    }

    /** Three teachers of the new school, each with a qualification certificate, so that all can enrol. */
    private List<Teacher> hireThree(Long schoolId) {
        String[] names = {"周晓燕", "杨立新", "何佳"};
        for (int i = 0; i < names.length; i++) {
            teachers.hire(SCHOOL_CODE + "00" + (i + 1), names[i], i == 1 ? "男" : "女", schoolId, Stage.PRIMARY,
                    i == 0 ? "语文" : "数学", String.format("2012%011d", 53010002L + i), LocalDate.of(2012, 9, 1));
        }
        return teachers.atSchool(schoolId);
    }

    private void selectContaining(String test, String text) {
        Select select = new Select(byTest(test));
        select.getOptions().stream().filter(option -> option.getText().contains(text)).findFirst()
                .ifPresentOrElse(option -> select.selectByValue(option.getAttribute("value")),
                        () -> { throw new AssertionError("no option with " + text + " in " + test); });
    }

    /** The HTTP status of a request the signed-in browser makes, with the page's CSRF token for a POST. */
    private long statusOf(String method, String path) {
        open("/");
        return (Long) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('meta[name=_csrf]').content;
                const header = document.querySelector('meta[name=_csrf_header]').content;
                fetch(arguments[1], {method: arguments[0], headers: {[header]: token}, redirect: 'manual'})
                    .then(r => done(r.status)).catch(e => done(-1));""", method, path);
    }

    /** The page at 1440 px and at a phone's 390 px, where nothing may scroll sideways but a table in its own box. */
    private void pageAtBothWidths(String name) {
        Dimension before = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(1440, 900));
            fullScreenshot(name + "-1440");
            browser.manage().window().setSize(new Dimension(390, 844));
            Boolean fits = (Boolean) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth;");
            assertThat(fits).as(name + " fits a phone's width").isTrue();
            fullScreenshot(name + "-390");
        } finally {
            browser.manage().window().setSize(before);
        }
    }
}
