package cn.shixun.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;

/** A teacher looks at their hours and works out what a training would earn; a reviewer looks at the same teacher. */
class HoursBrowserIT extends BrowserTestSupport {

    @Autowired Clock clock;
    @Autowired Teachers teachers;

    @Test
    void R10_aSanmenxiaTeacherShortOfACategoryIsToldWhichTrainingCountsTowardIt() {
        signIn("teacher.smx", DEMO_PASSWORD);
        open("/my/hours");
        waitUntil(() -> currentPath().startsWith("/my/hours"));

        List<WebElement> shortOnes = browser.findElements(By.cssSelector(".requirement-open"));
        assertThat(shortOnes).as("the demo Sanmenxia teacher is short of something this year").isNotEmpty();
        assertThat(shortOnes).allSatisfy(requirement -> assertThat(requirement
                .findElement(By.cssSelector("[data-test='requirement-advice']")).getText())
                .matches("(可计入此项的培训：.+|本政策认定的各类培训都计入此项。)\\s*先测算能计多少学时"));
        fullPageScreenshot("hours-08-sanmenxia-advice");
        signOut();
    }

    @Test
    void demoTeacherSeesRequirementsAndEntries() {
        signIn("teacher", DEMO_PASSWORD);
        byTest("home-links").findElement(By.cssSelector("a[href='/my/hours']")).click();
        waitUntil(() -> currentPath().startsWith("/my/hours"));

        assertThat(byTest("hours-heading").getText()).isEqualTo("我的学时");
        assertThat(byTest("profile").getText()).isNotBlank();
        assertThat(byTest("cycle").getText()).matches("\\d{4}-\\d{2}-\\d{2} 至 \\d{4}-\\d{2}-\\d{2}");
        List<WebElement> requirements = browser.findElements(By.cssSelector("[data-test='requirement']"));
        assertThat(requirements).isNotEmpty();
        assertThat(requirements).allSatisfy(r -> assertThat(r.findElement(By.cssSelector("[data-test='requirement-state']"))
                .getText()).matches("已达标|学历免修|还差 [0-9.]+ 学时"));
        assertThat(browser.findElements(By.cssSelector("[data-test='entry']"))).as("the demo teacher has hours").isNotEmpty();
        fullPageScreenshot("hours-01-teacher");
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.tagName("header")).isDisplayed()).isFalse();
        fullPageScreenshot("hours-01-teacher-print");
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(400, 900));
        screenshot("hours-01-teacher-phone");
        browser.manage().window().setSize(desktop);

        WebElement date = find(By.id("date"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2023-06-30'", date);
        byTest("date-submit").click();
        waitUntil(() -> currentPath().contains("date=2023-06-30"));
        assertThat(byTest("other-date").getText()).contains("2023-06-30");
        fullPageScreenshot("hours-02-teacher-other-date");

        signOut();
        signIn("county.reviewer", DEMO_PASSWORD);
        Teacher teacher = teachers.findByStaffNumber("4101050001001").orElseThrow();
        open("/teachers/" + teacher.getId() + "/hours");
        assertThat(byTest("hours-heading").getText()).isEqualTo(teacher.name() + "的学时");
        assertThat(browser.findElements(By.cssSelector("[data-test='entry']"))).isNotEmpty();
    }

    /**
     * The main path. R-13 converts days into hours only under Kunming's profile, so the 24-hour
     * preview is made by the Kunming demo teacher; the Henan teacher is told to give the hours.
     */
    @Test
    void R13_teacherPreviewsAThreeDayTrainingAndTheCountyReviewerOpensTheirPage() {
        recordContentSecurityPolicyViolations();
        signIn("teacher.km", DEMO_PASSWORD);
        byTest("home-links").findElement(By.cssSelector("a[href='/my/hours']")).click();
        waitUntil(() -> currentPath().startsWith("/my/hours"));
        assertThat(browser.findElements(By.cssSelector("[data-test='requirement']"))).isNotEmpty();
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript("""
                var bars = document.querySelectorAll('.progress-bar[data-percent]');
                return bars.length > 0 && Array.from(bars).every(b => b.style.width === b.dataset.percent + '%');"""))
                .as("the progress bars got their width from our script, not from a style attribute").isTrue();

        byTest("preview-link").click();
        waitUntil(() -> currentPath().equals("/my/hours/preview"));
        assertThat(byTest("preview-result").getText()).contains("测算结果会显示在这里");
        assertThat(browser.findElement(By.id("days")).isDisplayed()).as("no kind chosen yet").isFalse();
        new Select(find(By.id("kind"))).selectByValue("BUREAU_TRAINING");
        assertThat(find(By.id("days")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("score")).isDisplayed()).as("a MOOC field").isFalse();
        setDate("startDate", LocalDate.now(clock).minusDays(12));
        setDate("endDate", LocalDate.now(clock).minusDays(10));
        find(By.id("days")).sendKeys("3");
        byTest("approved").click();
        byTest("preview-submit").click();
        waitUntil(() -> !browser.findElements(By.cssSelector("[data-test='result-hours']")).isEmpty());
        assertThat(byTest("result-hours").getText()).isEqualTo("24学时");
        assertThat(byTest("result-rules").getText()).contains("R-13");
        assertThat(byTest("result-explanation").getText()).contains("3天×8学时=24学时");
        assertThat(currentPath()).as("htmx swapped the result in place").isEqualTo("/my/hours/preview");
        fullPageScreenshot("hours-03-preview-24-hours");

        byTest("excellent").click();
        find(By.id("classSize")).sendKeys("40");
        find(By.id("excellentCount")).sendKeys("10");
        byTest("preview-submit").click();
        waitUntil(() -> !browser.findElements(By.cssSelector("[data-test='error-excellentCount']")).isEmpty());
        assertThat(byTest("error-excellentCount").getText()).contains("超过班级 40 人的10%", "R-14");
        assertThat(find(By.id("days")).getDomProperty("value")).as("the form keeps what was typed").isEqualTo("3");
        fullPageScreenshot("hours-04-preview-refused");
        assertThat(cspViolations())
                .as("the Content-Security-Policy blocked nothing on the pages, htmx and our scripts included")
                .isEqualTo(List.of());

        signOut();
        signIn("county.reviewer.km", DEMO_PASSWORD);
        Teacher kunming = teachers.findByStaffNumber("5301020001001").orElseThrow();
        open("/teachers/" + kunming.getId() + "/hours");
        assertThat(byTest("hours-heading").getText()).isEqualTo(kunming.name() + "的学时");
        assertThat(browser.findElements(By.cssSelector("[data-test='requirement']"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("[data-test='preview-link']"))).as("the reviewer does not preview").isEmpty();
        fullPageScreenshot("hours-05-reviewer-sees-teacher");

        Teacher henan = teachers.findByStaffNumber("4101050001001").orElseThrow();
        open("/teachers/" + henan.getId() + "/hours");
        assertThat(find(By.tagName("h1")).getText()).as("outside 五华区").isEqualTo("页面无法显示");
        screenshot("hours-06-reviewer-out-of-scope");
    }

    @Test
    void schoolAdminGoesFromTheSchoolListToATeachersHours() {
        signIn("school.admin", DEMO_PASSWORD);
        byTest("home-links").findElement(By.partialLinkText("本校教师学时")).click();
        waitUntil(() -> currentPath().matches("/schools/\\d+/teachers"));
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-test='school-teacher']"));
        assertThat(rows).isNotEmpty().hasSizeLessThanOrEqualTo(SchoolTeachersPage.PAGE_SIZE);
        fullPageScreenshot("hours-07-school-admin-list");

        Teacher first = teachers.findByStaffNumber("4101050001001").orElseThrow();
        byTest("school-teachers").findElement(By.linkText(first.name())).click();
        waitUntil(() -> currentPath().equals("/teachers/" + first.getId() + "/hours"));
        assertThat(byTest("hours-heading").getText()).isEqualTo(first.name() + "的学时");
    }


    private void setDate(String id, java.time.LocalDate date) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", find(By.id(id)), date.toString());
    }

}
