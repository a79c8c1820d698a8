package cn.shixun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The H2 integration tests run in one JVM, and the Camunda engine's REST API and webapps find their
 * engine by name. An IT that starts a Spring context of its own starts a second engine under the
 * default name, and the ITs after it in the browser tests' context then reach that engine instead of
 * theirs: their tasks are "not found" (seen in CI, after ModelDraftApiIT). So an IT either uses the
 * browser tests' context (the same annotations) or names an engine of its own.
 */
class ItContextConventionsTest {

    private static final Pattern SPRING_BOOT_TEST = Pattern.compile("@SpringBootTest(\\((.*?)\\))?\\s*\\n\\s*(public\\s+)?(abstract\\s+)?class",
            Pattern.DOTALL);
    private static final String BROWSER_CONTEXT =
            "webEnvironment=SpringBootTest.WebEnvironment.RANDOM_PORT,properties=\"shixun.demo-data.enabled=true\"";

    @Test
    void everyH2IntegrationTestSharesTheBrowserContextOrNamesItsOwnEngine() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            offenders = files.filter(f -> f.toString().endsWith("IT.java"))
                    .filter(f -> !f.getFileName().toString().endsWith("MariaDbIT.java")
                            && !f.getFileName().toString().startsWith("Keycloak"))
                    .filter(ItContextConventionsTest::startsAnotherEngineUnderTheDefaultName)
                    .map(f -> f.getFileName().toString()).toList();
        }
        assertThat(offenders).as("ITs with a context of their own and the default engine name").isEmpty();
    }

    private static boolean startsAnotherEngineUnderTheDefaultName(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher annotation = SPRING_BOOT_TEST.matcher(source);
        if (!annotation.find()) {
            return false; // extends BrowserTestSupport, or starts no Spring context
        }
        String arguments = annotation.group(2) == null ? "" : annotation.group(2).replaceAll("\\s+", "");
        return !arguments.equals(BROWSER_CONTEXT) && !arguments.contains("camunda.bpm.process-engine-name");
    }
}
