package cn.shixun;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base class for browser tests ({@code *BrowserIT}, run by failsafe in {@code mvn verify}):
 * the application on a random port with demo data on, and Debian's chromium driven headless
 * through {@code /usr/bin/chromedriver} (installed by {@code scripts/ensure-browser.sh}). Every
 * browser test class shares one Spring context as long as it adds no annotations or properties
 * of its own; one browser is started per class and signed out before each test.
 *
 * <pre>
 * class MyLedgerBrowserIT extends BrowserTestSupport {
 *     &#64;Test
 *     void teacherSeesTheirHours() {
 *         signIn("teacher", "shixun123");
 *         open("/ledger");
 *         assertThat(byTest("ledger-total").getText()).contains("学时");
 *         screenshot("ledger-teacher");
 *     }
 * }
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shixun.demo-data.enabled=true")
public abstract class BrowserTestSupport {

    /** Password of every demo account (README, "Demo accounts"). */
    protected static final String DEMO_PASSWORD = "shixun123";

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** A Camunda webapp's first load on a busy 2-core machine: its whole script bundle is fetched and started. */
    protected static final Duration WEBAPP_LOAD = Duration.ofSeconds(60);

    protected static WebDriver browser;
    private static Path userDataDir;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        // Selenium ships no DevTools bindings for Debian's newer chromium and says so at length; they are not used.
        java.util.logging.Logger.getLogger("org.openqa.selenium.devtools").setLevel(java.util.logging.Level.OFF);
        java.util.logging.Logger.getLogger("org.openqa.selenium.chromium").setLevel(java.util.logging.Level.OFF);
        userDataDir = Files.createTempDirectory("shixun-chromium-");
        ChromeOptions options = new ChromeOptions();
        // Debian's binaries, named explicitly so that Selenium never tries to download a browser or driver.
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + userDataDir, "--window-size=1280,900", "--lang=zh-CN");
        // The people who use the system read Chinese; pages follow the browser's Accept-Language.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (userDataDir != null) {
            try (Stream<Path> files = Files.walk(userDataDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void startSignedOut() {
        browser.manage().deleteAllCookies();
    }

    /** The absolute address of {@code path} on the running application. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens {@code path} (e.g. {@code "/"}) and waits until the page has loaded. */
    protected void open(String path) {
        browser.get(url(path));
    }

    /** Signs in through the login page and waits until the browser has left it. */
    protected void signIn(String username, String password) {
        open("/login");
        submitLogin(username, password);
        waitUntil(() -> !currentPath().startsWith("/login"));
    }

    /** Fills and submits the login form on the current page without waiting for success. */
    protected void submitLogin(String username, String password) {
        WebElement user = find(By.id("username"));
        user.clear();
        user.sendKeys(username);
        WebElement secret = find(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        String before = browser.getCurrentUrl();
        byTest("login-submit").click();
        waitUntil(() -> !browser.getCurrentUrl().equals(before));
    }

    /** Presses the header's logout button and waits for the login page. */
    protected void signOut() {
        byTest("logout").click();
        waitUntil(() -> currentPath().startsWith("/login"));
    }

    /** The path and query of the current page, e.g. {@code /login?logout}. */
    protected String currentPath() {
        String current = browser.getCurrentUrl();
        return current.substring(url("").length());
    }

    /** The visible element with {@code data-test="name"}, waiting for it to appear. */
    protected WebElement byTest(String name) {
        return find(By.cssSelector("[data-test='" + name + "']"));
    }

    /** The visible element matching {@code locator}, waiting for it to appear. */
    protected WebElement find(By locator) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    protected void waitUntil(java.util.function.BooleanSupplier condition) {
        waitUntil(WAIT, condition);
    }

    /** For pages slower than ours, e.g. a Camunda webapp's first load, which fetches and starts its whole bundle. */
    protected void waitUntil(Duration timeout, java.util.function.BooleanSupplier condition) {
        // An element read while the page is being replaced goes stale: that is "not yet", not a failure.
        new WebDriverWait(browser, timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }

    /**
     * Fetches a download link in the signed-in browser: "status content-type disposition first-5-bytes",
     * e.g. {@code 200 application/pdf attachment %PDF-}.
     */
    protected String fetchDownload(String href) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '
                    + r.headers.get('content-type') + ' ' + r.headers.get('content-disposition').split(';')[0] + ' '
                    + new TextDecoder().decode(b.slice(0, 5))))).catch(e => done('failed ' + e));""", href);
    }

    /** A sample PDF in a temporary file, for a file input ({@code sendKeys} of its path). */
    protected static Path samplePdf(String prefix, String text) {
        try {
            Path file = Files.createTempFile(prefix, ".pdf");
            Files.write(file, cn.shixun.evidence.SamplePdf.withText(text));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the window as {@code target/screenshots/<name>.png} and returns the file. */
    protected Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resizes the window to the page's height (at most 6,000 px) so that the screenshot shows all of it. */
    protected Path fullPageScreenshot(String name) {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 6000)));
        try {
            return screenshot(name);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    /**
     * Every page from now on keeps what the Content-Security-Policy refused, read by {@link #cspViolations()}:
     * a page can look right while the policy silently drops a script or a style.
     */
    protected void recordContentSecurityPolicyViolations() {
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.shixunCspViolations = [];
                document.addEventListener('securitypolicyviolation', function (e) {
                  window.shixunCspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile);
                });"""));
    }

    /** What the policy refused on the current page, as "directive blocked-uri source-file", the origin left out. */
    @SuppressWarnings("unchecked")
    protected List<String> cspViolations() {
        return ((List<String>) ((JavascriptExecutor) browser).executeScript("return window.shixunCspViolations")).stream()
                .map(violation -> violation.replace(url(""), "")).toList();
    }
}
