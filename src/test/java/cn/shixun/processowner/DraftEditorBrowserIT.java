package cn.shixun.processowner;

import cn.shixun.shared.web.BpmnIoAssets;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import cn.shixun.processowner.drafts.ModelDraft;
import cn.shixun.processowner.drafts.ModelDrafts;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The draft editor (ADR 0012 §2 "Drafts", "Validation") as the demo process owner uses it at 1440 px:
 * a draft of {@code requirements} started from the console and one cell changed in dmn-js is what
 * the API then holds, and a row made to break a policy check is marked after 校验; a BPMN draft saved through the API with an unknown delegate shows the problem
 * beside that task after 校验; a save that another save overtook says who saved, and the editor keeps
 * the change. The pages' Content-Security-Policy stays as it is: it refuses nothing but the style
 * attributes dmn-js writes for its bpmn.io mark (as on the read-only table page).
 */
class DraftEditorBrowserIT extends BrowserTestSupport {

    private static final String CELL = "td[data-row-id='Rule_requirements_02'][data-col-id='Output_minimumHours']";
    private static final String VERSION_CELL = "td[data-row-id='Rule_requirements_02'][data-col-id='Input_profileVersion']";

    @Autowired RepositoryService repository;
    @Autowired ModelDrafts drafts;

    @BeforeEach
    void signInAsProcessOwner() {
        recordContentSecurityPolicyViolations();
        browser.manage().window().setSize(new Dimension(1440, 900));
        signIn("process.owner", DEMO_PASSWORD);
    }

    @Test
    void aCellChangedInTheTableEditorIsSavedToTheDraft_andValidationMarksTheRowOfAProblem() {
        long id = startRequirementsDraftFromTheConsole();
        assertThat(byTest("draft-resource").getText()).isEqualTo("requirements.dmn");
        assertThat(byTest("draft-state").getText()).isEqualTo("编辑中");
        DecisionDefinition base = repository.createDecisionDefinitionQuery()
                .decisionDefinitionId(drafts.get(id).baseDefinitionId()).singleResult();
        assertThat(byTest("draft-base").getText()).isEqualTo("学时要求 v" + base.getVersion());
        assertThat(byTest("draft-base").findElement(By.tagName("a")).getDomAttribute("href"))
                .isEqualTo("/process-owner/decisions/requirements/" + base.getVersion());
        assertThat(byTest("draft-updated").getText()).startsWith("process.owner · ").endsWith(" · 第 1 版");
        assertThat(byTest("editor").getText()).as("dmn-js' words in Chinese").contains("命中策略：", "条件", "结果");
        assertThat(cell().getText()).isEqualTo("80");

        typeIntoCell(CELL, "90");
        byTest("draft-save").click();

        waitUntil(() -> byTest("editor-status").getText().contains("已保存（第 2 版）"));
        assertThat(byTest("draft-updated").getText()).endsWith(" · 第 2 版");
        assertThat(minimumHoursOfRule02(drafts.get(id))).isEqualTo("90");
        assertThat(drafts.get(id).updatedBy()).isEqualTo("process.owner");
        fullPageScreenshot("draft-editor-01-dmn-saved");

        typeIntoCell(VERSION_CELL, "-");
        byTest("draft-save").click();
        waitUntil(() -> byTest("editor-status").getText().contains("已保存（第 3 版）"));
        byTest("draft-validate").click();
        WebElement listed = find(By.cssSelector("[data-test='problem'][data-element='Rule_requirements_02']"));
        assertThat(listed.getDomAttribute("data-rule")).isEqualTo("policy.version-wildcard");
        assertThat(listed.getText()).contains("第 2 行", "policy.version-wildcard", "方案版本");
        assertThat(browser.findElements(By.cssSelector("td[data-row-id='Rule_requirements_02']"))).as("the rule's row marked")
                .isNotEmpty().allMatch(cell -> cell.getDomAttribute("class").contains("problem-row"));
        assertThat(browser.findElements(By.cssSelector("td.problem-row"))).as("only rows with a problem")
                .allMatch(row -> listedRules().contains(row.getDomAttribute("data-row-id")));
        fullPageScreenshot("draft-editor-02-dmn-problem");
        assertOnlyDmnJsRefusedByThePolicy();

        open("/process-owner/drafts");
        WebElement row = find(By.cssSelector("[data-test='draft'][data-id='" + id + "']"));
        assertThat(row.getText()).contains("requirements.dmn", "process.owner");
        fullPageScreenshot("draft-editor-03-list");
        row.findElement(By.cssSelector("[data-test='draft-discard']")).click();
        browser.switchTo().alert().accept();
        assertThat(byTest("discarded").getText()).isEqualTo("已放弃草稿 requirements.dmn。");
        assertThat(drafts.get(id).state()).isEqualTo(ModelDraft.State.DISCARDED);
    }

    @Test
    void aBpmnDraftWithAnUnknownDelegateShowsTheProblemBesideThatTaskAfterValidation() {
        int version = repository.createProcessDefinitionQuery().processDefinitionKey("degreeExemption").latestVersion()
                .singleResult().getVersion();
        open("/process-owner/procedures/degreeExemption");
        find(By.cssSelector("[data-test='version'][data-version='" + version + "'] [data-test='new-draft']")).click();
        long id = editorOpened();
        String broken = drafts.get(id).content().replace("${creditHoursDelegate}", "${noSuchDelegate}");
        assertThat(api("PUT", id, "", broken, drafts.get(id).lockVersion())).as("saved through the API").isEqualTo(200);

        open("/process-owner/drafts/" + id);
        waitUntil(() -> "true".equals(byTest("editor").getDomAttribute("data-rendered")));
        byTest("draft-validate").click();

        WebElement note = find(By.cssSelector("[data-test='problem-note'][data-element='ServiceTask_CreditHours']"));
        assertThat(note.getText()).contains("${noSuchDelegate}");
        assertThat(browser.findElement(By.cssSelector(".djs-element[data-element-id='ServiceTask_CreditHours']"))
                .getDomAttribute("class")).as("the task's marker").contains("problem");
        WebElement listed = find(By.cssSelector("[data-test='problem'][data-element='ServiceTask_CreditHours']"));
        assertThat(listed.getDomAttribute("data-rule")).isEqualTo("guard.delegate");
        assertThat(listed.getText()).contains("guard.delegate", "${noSuchDelegate}");
        assertThat(byTest("problems-summary").getText()).startsWith("发现 ");
        assertThat(byTest("editor").findElement(By.cssSelector(".bjs-powered-by")).isDisplayed()).as("the bpmn.io mark").isTrue();
        fullPageScreenshot("draft-editor-04-bpmn-problem");

        assertThat(cspViolations()).as("bpmn-js' modeler styles through the CSSOM: nothing refused").isEqualTo(List.of());
        assertThat(api("POST", id, "/discard", null, 0)).isEqualTo(200);
    }

    @Test
    void aStaleSaveSaysWhoSavedSinceAndTheEditorKeepsTheChange() {
        long id = startRequirementsDraftFromTheConsole();
        typeIntoCell(CELL, "75");
        ModelDraft read = drafts.get(id);
        assertThat(api("PUT", id, "", read.content(), read.lockVersion())).as("another save, through the API").isEqualTo(200);

        byTest("draft-save").click();

        WebElement conflict = byTest("save-conflict");
        assertThat(conflict.getText()).contains("草稿已被他人保存", "您编辑的是第 1 版，现为第 2 版，由 process.owner 保存",
                "您的修改仍保留在编辑器中，没有丢失");
        assertThat(cell().getText()).as("the edit is still in the editor").isEqualTo("75");
        assertThat(minimumHoursOfRule02(drafts.get(id))).as("nothing of the stale save stored").isEqualTo("80");
        assertThat(drafts.get(id).lockVersion()).isEqualTo(2);
        fullPageScreenshot("draft-editor-05-conflict");

        byTest("save-overwrite").click();
        waitUntil(() -> byTest("editor-status").getText().contains("已保存（第 3 版）"));
        assertThat(minimumHoursOfRule02(drafts.get(id))).as("saved over the other save when asked to").isEqualTo("75");
        assertOnlyDmnJsRefusedByThePolicy();
        assertThat(api("POST", id, "/discard", null, 0)).isEqualTo(200);
    }

    private long startRequirementsDraftFromTheConsole() {
        int version = repository.createDecisionDefinitionQuery().decisionDefinitionKey("requirements").latestVersion()
                .singleResult().getVersion();
        open("/process-owner/decisions/requirements/" + version);
        byTest("new-draft").click();
        return editorOpened();
    }

    private long editorOpened() {
        waitUntil(() -> currentPath().matches("/process-owner/drafts/\\d+"));
        waitUntil(() -> "true".equals(byTest("editor").getDomAttribute("data-rendered")));
        return Long.parseLong(currentPath().substring("/process-owner/drafts/".length()));
    }

    private WebElement cell() {
        return find(By.cssSelector(CELL));
    }

    /** Clicks into the cell, replaces its text as a person would, and leaves it. */
    private void typeIntoCell(String cell, String text) {
        WebElement editable = find(By.cssSelector(cell)).findElement(By.cssSelector("[contenteditable]"));
        // Into the middle of the table's view: at its left edge the row's drag handle lies over the cell.
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", editable);
        editable.click();
        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(text).perform();
        waitUntil(() -> find(By.cssSelector(cell)).getText().equals(text));
        byTest("draft-heading").click();
    }

    private List<String> listedRules() {
        return browser.findElements(By.cssSelector("[data-test='problem']")).stream()
                .map(problem -> problem.getDomAttribute("data-element")).toList();
    }

    private static String minimumHoursOfRule02(ModelDraft draft) {
        var matcher = Pattern.compile("id=\"Out_requirements_02_3\">\\s*<text>([^<]*)</text>").matcher(draft.content());
        assertThat(matcher.find()).as("rule 02's minimumHours in the saved XML").isTrue();
        return matcher.group(1);
    }

    /** A call of the drafts API from the signed-in page (its session and CSRF token); the response's status. */
    private int api(String method, long id, String path, String xml, int lockVersion) {
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                const [method, url, xml, version, done] = arguments;
                const headers = { Accept: 'application/json' };
                headers[document.querySelector('meta[name="_csrf_header"]').content]
                    = document.querySelector('meta[name="_csrf"]').content;
                if (xml !== null) { headers['Content-Type'] = 'application/xml'; headers['If-Match'] = '"' + version + '"'; }
                fetch(url, { method, headers, body: xml === null ? undefined : xml, credentials: 'same-origin' })
                    .then(r => done(r.status)).catch(e => done(-1));""",
                method, "/process-owner/api/drafts/" + id + path, xml, lockVersion);
        return ((Number) status).intValue();
    }

    /**
     * What the policy refuses on the table editor comes from dmn-js' modeler bundle and is style only:
     * the style attributes of its bpmn.io mark (laid out by our stylesheet instead, as on the viewer
     * page) and the {@code <style>} elements CodeMirror (its FEEL cell editor) adds for its base theme.
     */
    private void assertOnlyDmnJsRefusedByThePolicy() {
        String bundle = "inline /vendor/dmn-js@"
                + BpmnIoAssets.read(new org.springframework.core.io.ClassPathResource(BpmnIoAssets.STAMP)).get("dmn-js")
                + "/dist/dmn-modeler.production.min.js";
        assertThat(cspViolations()).as("the policy is kept: on the table editor it refuses only styles of dmn-js' modeler")
                .isNotEmpty().allMatch(violation -> violation.equals("style-src-attr " + bundle)
                        || violation.equals("style-src-elem " + bundle));
    }



}
