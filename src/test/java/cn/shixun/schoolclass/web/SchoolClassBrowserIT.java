package cn.shixun.schoolclass.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.schoolclass.SchoolClasses;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole school-based class on the demo data as its people do it: {@code school.admin} of
 * 文化路第一小学 designs the course, plans the class, enrols its teachers and grades them on the
 * class's pages; {@code school.admin} and {@code county.reviewer} of 金水区 decide each review in the
 * workbench; the learners' hours end up credited, and the county reviewer sees them on a learner's
 * {@code /teachers/{id}/hours}.
 */
class SchoolClassBrowserIT extends SchoolClassBrowserSupport {

    private static final String COURSE = "跨学科主题学习设计";

    @Autowired Clock clock;
    @Autowired SchoolClasses classes;
    @Autowired ManagementService management;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Ledger ledger;

    @Test
    void R35_R14_R17_aSchoolRunsAClassFromCourseToCreditedHours() {
        Long schoolId = organisations.findByCode("4101050001").orElseThrow().getId();
        hireTwentyMore(schoolId);
        List<Teacher> registrable = teachers.atSchool(schoolId).stream().filter(Teacher::isRegistrable).toList();
        LocalDate today = LocalDate.now(clock);

        // The course, from the home page.
        signInAs("school.admin");
        byTest("home-links").findElement(By.cssSelector("a[href='/school-classes']")).click();
        waitUntil(() -> currentPath().equals("/school-classes"));
        assertThat(byTest("list-heading").getText()).isEqualTo("校本研修");
        assertThat(browser.findElements(By.cssSelector("[data-test='class-row']"))).as("the demo classes").isNotEmpty();
        fullScreenshot("schoolclass-01-list");
        byTest("new-class").click();
        waitUntil(() -> currentPath().equals("/school-classes/new"));
        type("courseName", COURSE);
        new Select(byTest("field-courseType")).selectByVisibleText("校本培训");
        byTest("course-submit").click();
        // A missing field is refused beside it, with what was typed kept.
        assertThat(byTest("error-designedHours").getText()).contains("请填写此项", "R-35");
        assertThat(byTest("field-courseName").getAttribute("value")).isEqualTo(COURSE);
        type("designedHours", "12");
        type("outline", "围绕一个跨学科主题，开展两次集体备课、一次展示课和一次议课。");
        Path design = samplePdf("course-design-", "Course design: cross-subject learning");
        byTest("upload-design").sendKeys(design.toAbsolutePath().toString());
        fullScreenshot("schoolclass-02-new-course");
        byTest("course-submit").click();
        waitUntil(() -> currentPath().matches("/school-classes/\\d+"));
        long id = Long.parseLong(currentPath().substring("/school-classes/".length()));
        assertThat(byTest("done").getText()).contains(COURSE, "等待学校审核");
        assertThat(byTest("case-status").getText()).isEqualTo("学校审核课程中");
        // The design document was stored as the school's file and is linked on the case page.
        assertThat(byTest("design-file").getText()).startsWith(design.getFileName().toString());
        assertThat(fetchDownload(byTest("design-file").getAttribute("href")))
                .isEqualTo("200 application/pdf attachment %PDF-");
        fullScreenshot("schoolclass-03-proposed");

        // The school's own review, then the county's, in the workbench.
        approveInWorkbench(id, COURSE, "课程设计合理，同意报县级审核");
        signInAs("county.reviewer");
        approveInWorkbench(id, COURSE, null);

        // The class plan: the school finds the step in its workbench and goes to the class's page.
        signInAs("school.admin");
        openFromWorkbench(id, COURSE);
        assertThat(byTest("step-form").getText()).contains("创建班级");
        type("className", "跨学科主题学习研修一班");
        type("organiser", "教导处");
        type("address", "学校录播教室");
        type("lecturer", "刘老师");
        type("headTeacher", "陈老师");
        type("headTeacherPhone", "0371-65558888");
        date("enrolmentStart", today);
        date("enrolmentEnd", today);
        date("studyStart", today);
        date("studyEnd", today);
        type("headcount", String.valueOf(registrable.size()));
        type("classTime", "每周三 15:00-17:00");
        fullScreenshot("schoolclass-04-plan");
        byTest("plan-submit").click();
        assertThat(byTest("done").getText()).contains("创建班级", "开班审核");
        signInAs("county.reviewer");
        approveInWorkbench(id, COURSE, "同意开班");

        // Enrolment: every teacher who can enrol, except 001 (the demo teacher whose hours other tests read).
        signInAs("school.admin");
        openFromWorkbench(id, COURSE);
        List<WebElement> candidates = browser.findElements(By.cssSelector("[data-test='candidate']"));
        assertThat(candidates).hasSize(teachers.atSchool(schoolId).size());
        assertThat(browser.findElements(By.cssSelector("[data-test='candidate-pick']:disabled")))
                .hasSize(teachers.atSchool(schoolId).size() - registrable.size());
        byTest("check-all").click();
        assertThat(byTest("selected-count").getText()).isEqualTo("已选 " + registrable.size() + " 人 / 开班人数 "
                + registrable.size() + " 人");
        Teacher first = registrable.get(0);
        assertThat(first.staffNumber()).endsWith("001");
        browser.findElement(By.id("pick-" + first.getId())).click();
        int enrolled = registrable.size() - 1;
        assertThat(byTest("selected-count").getText()).startsWith("已选 " + enrolled + " 人");
        fullScreenshot("schoolclass-05-enrol");
        byTest("enrol-submit").click();
        assertThat(byTest("done").getText()).contains("学员审核");
        assertThat(browser.findElements(By.cssSelector("[data-test='learner']"))).hasSize(enrolled);
        signInAs("county.reviewer");
        approveInWorkbench(id, COURSE, null);

        // The study ends (its timer), and the school grades: the count warns above 10% excellent.
        String instance = classes.require(id).processInstanceId();
        management.executeJob(management.createJobQuery().processInstanceId(instance)
                .activityId("IntermediateCatchEvent_StudyEnded").singleResult().getId());
        signInAs("school.admin");
        openFromWorkbench(id, COURSE);
        int max = enrolled / 10;
        assertThat(byTest("excellent-count").getText()).isEqualTo("优秀 0 人 / 上限 " + max + " 人（R-14）");
        byTest("all-pass").click();
        List<WebElement> selects = browser.findElements(By.cssSelector("[data-test='grade-select']"));
        assertThat(selects).hasSize(enrolled);
        for (int i = 0; i <= max; i++) {
            new Select(selects.get(i)).selectByValue("EXCELLENT");
        }
        assertThat(byTest("excellent-count").getText()).startsWith("优秀 " + (max + 1) + " 人");
        assertThat(byTest("over-excellent").getText()).contains("R-14");
        fullScreenshot("schoolclass-06-grades-over");
        byTest("grade-submit").click();
        assertThat(byTest("error-grades").getText()).contains("超过全班", "R-14");
        assertThat(byTest("case-status").getText()).isEqualTo("待学员打分");
        // The values typed are kept: one excellent back to pass, the last learner fails.
        selects = browser.findElements(By.cssSelector("[data-test='grade-select']"));
        assertThat(new Select(selects.get(0)).getFirstSelectedOption().getAttribute("value")).isEqualTo("EXCELLENT");
        new Select(selects.get(max)).selectByValue("PASS");
        new Select(selects.get(selects.size() - 1)).selectByValue("FAIL");
        assertThat(browser.findElement(By.cssSelector("[data-test='over-excellent']")).isDisplayed()).isFalse();
        fullScreenshot("schoolclass-07-grades");
        byTest("grade-submit").click();
        assertThat(byTest("done").getText()).contains("学员打分", "学校学时评定审核");

        approveInWorkbench(id, COURSE, null);
        signInAs("county.reviewer");
        approveInWorkbench(id, COURSE, "学时评定无误");
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());

        // Credited: the county reviewer reads the class and one learner's hours.
        open("/school-classes/" + id);
        assertThat(byTest("case-status").getText()).isEqualTo("学时已登记");
        List<WebElement> learners = browser.findElements(By.cssSelector("[data-test='learner']"));
        assertThat(learners).hasSize(enrolled);
        WebElement passed = learners.get(max);
        Long passedId = Long.valueOf(passed.getAttribute("data-teacher-id"));
        String credited = ledger.entriesOf(passedId).stream()
                .filter(entry -> ("schoolBasedClass/" + id).equals(entry.sourceRef())).findFirst().orElseThrow()
                .hours().stripTrailingZeros().toPlainString();
        assertThat(passed.findElement(By.cssSelector("[data-test='learner-hours']")).getText()).isEqualTo(credited);
        WebElement failed = learners.get(learners.size() - 1);
        assertThat(failed.findElement(By.cssSelector("[data-test='learner-hours']")).getText()).isEqualTo("—");
        assertThat(failed.findElement(By.cssSelector("[data-test='learner-note']")).getText()).isEqualTo("不合格，不登记学时");
        assertThat(byTest("history").getText()).contains("按课程设置登记学时", "已为 " + (enrolled - 1) + " 名学员登记学时");
        fullScreenshot("schoolclass-08-credited");
        passed.findElement(By.cssSelector("a")).click();
        waitUntil(() -> currentPath().matches("/teachers/\\d+/hours"));
        assertThat(byTest("entries").getText()).contains("校本研修：" + COURSE, "county.reviewer");
        fullScreenshot("schoolclass-09-learner-hours");
    }

    /**
     * The demo primary school has about ten teachers; a class of about thirty shows whether the
     * enrolment and grades tables stay readable. The last one has no qualification certificate.
     */
    private void hireTwentyMore(Long schoolId) {
        String surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
        String given = "静伟芳敏强磊军洋勇艳杰娟涛明超秀霞平刚桂";
        for (int i = 0; i < 20; i++) {
            String staffNumber = "4101050001" + (200 + i);
            if (teachers.findByStaffNumber(staffNumber).isEmpty()) {
                teachers.hire(staffNumber, surnames.charAt(i) + "晓" + given.charAt(i), i % 3 == 0 ? "男" : "女", schoolId,
                        Stage.PRIMARY, i % 2 == 0 ? "语文" : "数学", i == 19 ? null : String.format("2010%011d", 41050200L + i),
                        LocalDate.of(2008, 9, 1));
            }
        }
    }
}
