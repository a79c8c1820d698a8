package cn.shixun.insight.completion;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * 学时完成情况 as the demo's manager (郑州市) and county reviewer (金水区) use it: open it from the
 * home page, switch to the cycle (Zhengzhou has no yearly minimum but a new teacher's first year), drill down
 * to a school and its short teachers, open a teacher's hours, and download the tables as .xlsx,
 * read back with POI and compared with the figures on the page.
 */
class CompletionBrowserIT extends BrowserTestSupport {

    private static final String SCHOOL = "4101050001";

    @Test
    void managerDrillsFromTheCityToASchoolAndTheDownloadedTablesMatchThePage() throws IOException {
        recordContentSecurityPolicyViolations();
        signIn("manager", DEMO_PASSWORD);
        byTest("home-links").findElement(By.cssSelector("a[href='/dashboard/completion']")).click();
        waitUntil(() -> currentPath().startsWith("/dashboard/completion"));
        assertThat(byTest("completion-heading").getText()).contains("郑州市");
        // Zhengzhou sets no yearly minimum: the yearly table counts only new teachers in their first year.
        assertThat(byTest("total-counted").getText()).matches("\\d+");
        assertThat(byTest("dashboard-link").getAttribute("href")).endsWith("/dashboard");
        fullPageScreenshot("completion-manager-city-year");

        showCycle();
        assertThat(byTest("total-counted").getText()).isNotEqualTo("0");
        fullPageScreenshot("completion-manager-city-cycle");
        rowFor("410105").findElement(By.cssSelector("[data-test='region-link']")).click();
        waitUntil(() -> byTest("completion-heading").getText().contains("金水区"));
        assertThat(currentPath()).contains("basis=CYCLE");
        schoolTableMatchesThePage();

        rowFor(SCHOOL).findElement(By.cssSelector("[data-test='school-link']")).click();
        waitUntil(() -> currentPath().startsWith("/dashboard/completion/schools/"));
        shortTeachersMatchThePage();
        fullPageScreenshot("completion-manager-school");
        assertThat(cspViolations()).isEmpty();
    }

    @Test
    void countyReviewerSeesTheCountyAndTheSchoolsItRegistersAndOpensAShortTeachersHours() throws IOException {
        signIn("county.reviewer", DEMO_PASSWORD);
        open("/dashboard/completion");
        assertThat(byTest("completion-heading").getText()).contains("金水区");
        showCycle();
        // The city-direct kindergarten registered by 金水区 is in its table too.
        assertThat(rowFor("4101000002").getText()).contains("郑州市直属机关幼儿园");
        schoolTableMatchesThePage();
        fullPageScreenshot("completion-county-cycle");

        rowFor(SCHOOL).findElement(By.cssSelector("[data-test='school-link']")).click();
        waitUntil(() -> currentPath().startsWith("/dashboard/completion/schools/"));
        shortTeachersMatchThePage();
        fullPageScreenshot("completion-county-school");
        WebElement teacher = byTest("teacher-hours-link");
        String name = teacher.getText();
        teacher.click();
        waitUntil(() -> currentPath().startsWith("/teachers/"));
        assertThat(byTest("hours-heading").getText()).contains(name);

        open("/dashboard/completion?year=2099");
        assertThat(byTest("completion-refused").getText()).contains("year");
    }

    private void showCycle() {
        new Select(byTest("basis")).selectByValue("CYCLE");
        byTest("completion-submit").click();
        waitUntil(() -> currentPath().contains("basis=CYCLE"));
    }

    private WebElement rowFor(String code) {
        return find(By.cssSelector("[data-test='completion-row'][data-code='" + code + "']"));
    }

    /** Every school row on the page has the same counts in the downloaded school table, found by its code. */
    private void schoolTableMatchesThePage() throws IOException {
        List<List<String>> sheet = download(byTest("export-schools").getAttribute("href"));
        assertThat(sheet.get(0)).isEqualTo(CompletionExports.SCHOOL_HEADERS);
        Map<String, List<String>> byCode = new HashMap<>();
        sheet.subList(1, sheet.size()).forEach(cells -> byCode.put(cells.get(2), cells));
        List<WebElement> schoolRows = browser.findElements(By.cssSelector("[data-test='completion-row']")).stream()
                .filter(row -> !row.findElements(By.cssSelector("[data-test='school-link']")).isEmpty()).toList();
        assertThat(schoolRows).isNotEmpty();
        for (WebElement row : schoolRows) {
            List<String> exported = byCode.get(row.getAttribute("data-code"));
            assertThat(exported).as("school %s in the export", row.getAttribute("data-code")).isNotNull();
            assertThat(exported.get(3)).isEqualTo(row.findElement(By.cssSelector("[data-test='row-counted']")).getText());
            assertThat(exported.get(4)).isEqualTo(row.findElement(By.cssSelector("[data-test='row-met']")).getText());
            assertThat(exported.get(5)).isEqualTo(row.findElement(By.cssSelector("[data-test='row-short']")).getText());
        }
    }

    /** The school page's short teachers, one export row per requirement missed, in the same order. */
    private void shortTeachersMatchThePage() throws IOException {
        int shortOnPage = Integer.parseInt(byTest("school-short").getText());
        List<WebElement> teachers = browser.findElements(By.cssSelector("[data-test='short-teacher']"));
        assertThat(teachers).hasSize(shortOnPage);
        List<List<String>> sheet = download(byTest("export-short").getAttribute("href"));
        assertThat(sheet.get(0)).isEqualTo(CompletionExports.SHORT_HEADERS);
        assertThat(sheet.size() - 1).isGreaterThanOrEqualTo(shortOnPage);
        if (shortOnPage > 0) {
            List<String> first = sheet.get(1);
            assertThat(teachers.get(0).getText()).contains(first.get(1), first.get(2));
        }
    }

    /** The first sheet of the .xlsx at {@code href}, fetched in the signed-in browser, as rows of formatted cells. */
    private List<List<String>> download(String href) throws IOException {
        String base64 = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status)).then(b => {
                  const bytes = new Uint8Array(b); let s = '';
                  for (let i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
                  done(btoa(s));
                }).catch(e => done('failed ' + e));""", href);
        assertThat(base64).doesNotStartWith("failed");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> rows = new java.util.ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                rows.add(cells(sheet.getRow(r)));
            }
            return rows;
        }
    }

    private static List<String> cells(Row row) {
        DataFormatter format = new DataFormatter();
        List<String> cells = new java.util.ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
        }
        return cells;
    }
}
