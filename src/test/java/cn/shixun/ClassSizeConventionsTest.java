package cn.shixun;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/**
 * The size bar of issue 11 (docs/architecture.md, "Size"): no class has more than 8 collaborators
 * (constructor parameters of a Spring bean) or 300 lines unless its class Javadoc says why, naming
 * its collaborators ("… collaborators") or its lines ("… 300 lines").
 */
class ClassSizeConventionsTest {

    static final int MAX_COLLABORATORS = 8;
    static final int MAX_LINES = 300;

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.shixun");

    @Test
    void everyClassOverTheBarSaysWhyAtItsTop() {
        assertThat(unexplained())
                .as("classes over %d collaborators or %d lines without the reason in their class Javadoc",
                        MAX_COLLABORATORS, MAX_LINES)
                .isEmpty();
    }

    @Test
    void aClassJavadocIsReadFromAboveTheAnnotations() {
        String source = """
                import x.Y;

                /**
                 * The gate.
                 *
                 * <p>Nine collaborators: each is one step.
                 */
                @Component
                @Order(Orders.LAST)
                @ConditionalOnExpression("${demo.enabled:false}; and ${demo.cases:true}")
                final class Gate {
                    /** Not the class's. */
                    void run() {
                    }
                }
                """;
        assertThat(classJavadoc(source, "Gate")).hasValueSatisfying(doc -> assertThat(doc)
                .contains("Nine collaborators").doesNotContain("Not the class's"));
        assertThat(classJavadoc("import x.Y;\n\nclass Bare {\n}\n", "Bare")).isEmpty();
        assertThat(classJavadoc("/** Of the import. */\nimport x.Y;\n\nclass After {\n}\n", "After")).isEmpty();
    }

    /** Class name → what is over the bar without its reason. */
    private static Map<String, String> unexplained() {
        Map<String, String> unexplained = new TreeMap<>();
        for (JavaClass type : MAIN) {
            if (!type.isTopLevelClass()) {
                continue;
            }
            Path file = Path.of("src/main/java", type.getPackageName().replace('.', '/'), type.getSimpleName() + ".java");
            if (!Files.exists(file)) {
                continue; // a class generated at build time has no source to read
            }
            String source = read(file);
            String javadoc = classJavadoc(source, type.getSimpleName()).orElse("");
            List<String> over = new ArrayList<>();
            int collaborators = collaborators(type);
            if (collaborators > MAX_COLLABORATORS && !javadoc.contains("collaborators")) {
                over.add(collaborators + " collaborators");
            }
            long lines = source.lines().count();
            if (lines > MAX_LINES && !javadoc.contains(MAX_LINES + " lines")) {
                over.add(lines + " lines");
            }
            if (!over.isEmpty()) {
                unexplained.put(type.getName(), String.join(", ", over));
            }
        }
        return unexplained;
    }

    /** A Spring bean's constructor parameters (its widest constructor); 0 for a class that is no bean. */
    private static int collaborators(JavaClass type) {
        if (!type.isAnnotatedWith(Component.class) && !type.isMetaAnnotatedWith(Component.class)) {
            return 0;
        }
        return type.getConstructors().stream().mapToInt(constructor -> constructor.getRawParameterTypes().size()).max().orElse(0);
    }

    /** The Javadoc right above the class's declaration (annotations may stand between), if it has one. */
    static Optional<String> classJavadoc(String source, String simpleName) {
        Matcher declaration = Pattern.compile("(?m)^(?:(?:public|protected|abstract|final|sealed|non-sealed|static)\\s+)*"
                + "(?:class|interface|enum|record|@interface)\\s+" + Pattern.quote(simpleName) + "\\b").matcher(source);
        if (!declaration.find()) {
            return Optional.empty();
        }
        String before = source.substring(0, declaration.start());
        int end = before.lastIndexOf("*/");
        int start = before.lastIndexOf("/**", end);
        if (end < 0 || start < 0) {
            return Optional.empty();
        }
        // Only annotations may stand between the comment and the class; an import ends with a semicolon.
        String between = before.substring(end + 2).replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        if (between.contains(";")) {
            return Optional.empty();
        }
        return Optional.of(before.substring(start, end + 2));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
