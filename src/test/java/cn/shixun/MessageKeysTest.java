package cn.shixun;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.EnumLabels;
import cn.shixun.tasks.CaseOutcome;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message key that reaches a person exists in Chinese and in English (issue 14, item 4): a key
 * missing from a bundle is shown raw, as {@code problem.title.forbidden} and {@code case.approved} were.
 * The keys are read from the sources: the literal keys of templates ({@code #{...}}), of refusals
 * ({@link BusinessRuleException}'s factories) and of {@code getMessage}; the audit trail's action names
 * where they are written; and the keys built from an enum, for each of its values.
 */
class MessageKeysTest {

    private static final Path MAIN_JAVA = Path.of("src/main/java");
    private static final Path MAIN_CLASSES = Path.of("target/classes");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** A literal key in a template; {@code #{__${...}__}} (a preprocessed, computed key) does not match. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9][A-Za-z0-9_.\\-]*)");
    /** A call whose argument at the given position is a message key. */
    private static final Map<String, Integer> KEY_ARGUMENT = Map.of("violation", 2, "notFound", 1, "conflict", 2,
            "forbidden", 2, "getMessage", 0);
    private static final Pattern KEY_CALL = Pattern.compile(
            "(?:BusinessRuleException\\.|(?<![\\w.]))(violation|notFound|conflict|forbidden)\\(|\\.(getMessage)\\(");
    /** The calls that write an audited action: the action is the argument that looks like {@code area.verb}. */
    private static final Pattern AUDIT_CALL = Pattern.compile(
            "(?:\\bnew AuditedAction|\\bnew AuditedRefusal|(?<![\\w])audit|(?<![\\w.])audited)\\(");
    private static final Pattern ACTION_NAME = Pattern.compile("[a-zA-Z-]+(\\.[a-zA-Z-]+)+");
    /** An action named after an operation, {@code "engine.admin." + operation}: its family has one label. */
    private static final Pattern ACTION_FAMILY = Pattern.compile("\"([a-zA-Z-]+(?:\\.[a-zA-Z-]+)*\\.)\"\\s*\\+.*",
            Pattern.DOTALL);
    private static final Pattern STRING_CONSTANT = Pattern.compile("static final String (\\w+)\\s*=\\s*\"([^\"]*)\"");

    private final Map<String, Properties> chinese = new HashMap<>();
    private final Map<String, Properties> english = new HashMap<>();

    MessageKeysTest() throws IOException {
        for (String bundle : bundles()) {
            chinese.put(bundle, load(bundle + ".properties"));
            english.put(bundle, load(bundle + "_en.properties"));
        }
    }

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() {
        List<String> unmatched = new ArrayList<>();
        chinese.forEach((bundle, zh) -> {
            Properties en = english.get(bundle);
            zh.stringPropertyNames().stream().filter(key -> !en.containsKey(key))
                    .forEach(key -> unmatched.add(bundle + "_en lacks " + key));
            en.stringPropertyNames().stream().filter(key -> !zh.containsKey(key))
                    .forEach(key -> unmatched.add(bundle + " (中文) lacks " + key));
        });
        assertThat(unmatched).isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (Path template : files(TEMPLATES, ".html")) {
            Matcher key = TEMPLATE_KEY.matcher(Files.readString(template));
            while (key.find()) {
                if (!exists(key.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + key.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyARefusalOrMessageLookUpNamesExists() throws IOException {
        Set<String> missing = new TreeSet<>();
        int literalKeys = 0;
        for (Path source : files(MAIN_JAVA, ".java")) {
            String code = Files.readString(source);
            Matcher call = KEY_CALL.matcher(code);
            while (call.find()) {
                String method = call.group(1) != null ? call.group(1) : call.group(2);
                List<String> arguments = arguments(code, call.end());
                int position = KEY_ARGUMENT.get(method);
                if (arguments.size() > position && isLiteral(arguments.get(position))) {
                    literalKeys++;
                    String key = unquote(arguments.get(position));
                    if (!exists(key)) {
                        missing.add(source.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(literalKeys).as("the scan found the code's keys").isGreaterThan(300);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyRefusalKindHasATitle() {
        assertThat(Arrays.stream(BusinessRuleException.Kind.values())
                .map(kind -> "problem.title." + kind.name().toLowerCase(Locale.ROOT))
                .filter(key -> !exists(key))).isEmpty();
    }

    @Test
    void everyAuditedActionHasALabelInTheAuditTrail() throws IOException {
        Set<String> actions = new TreeSet<>();
        for (Path source : files(MAIN_JAVA, ".java")) {
            String code = Files.readString(source);
            Map<String, String> constants = new HashMap<>();
            Matcher constant = STRING_CONSTANT.matcher(code);
            while (constant.find()) {
                constants.put(constant.group(1), constant.group(2));
            }
            Matcher call = AUDIT_CALL.matcher(code);
            while (call.find()) {
                for (String argument : arguments(code, call.end())) {
                    String value = isLiteral(argument) ? unquote(argument) : constants.get(argument);
                    Matcher family = ACTION_FAMILY.matcher(argument);
                    if (value != null && ACTION_NAME.matcher(value).matches()) {
                        actions.add(value);
                    } else if (family.matches()) {
                        actions.add(family.group(1) + "*");
                    }
                }
            }
        }
        // Case steps are audited as "case." + the outcome (CaseHistory).
        Arrays.stream(CaseOutcome.values()).map(outcome -> "case." + outcome.name().toLowerCase(Locale.ROOT))
                .forEach(actions::add);
        assertThat(actions).as("the scan found the audited actions").contains("ledger.register", "annual.declare",
                "engine.admin.*");
        assertThat(actions.stream().filter(action -> !exists("audit.action." + action))).isEmpty();
    }

    /**
     * Every code a person reads has a label in both languages (issue 14, item 4): every constant of every enum
     * with a {@code label()} (the Chinese text kept in records) has its {@link EnumLabels} key in Chinese, saying
     * the same as {@code label()}, and in English, so that no page or refusal shows {@code HR_CE_CERTIFICATE}.
     */
    @Test
    void everyCodeAPersonReadsHasALabelInChineseAndEnglish() throws Exception {
        List<Class<?>> labelled = labelledEnums();
        assertThat(labelled).as("the scan found the labelled enums")
                .contains(CaseOutcome.class, cn.shixun.training.CertificateKind.class, cn.shixun.policy.HourCategory.class);
        List<String> unlabelled = new ArrayList<>();
        for (Class<?> type : labelled) {
            for (Object constant : type.getEnumConstants()) {
                String key = EnumLabels.key((Enum<?>) constant);
                String label = (String) type.getMethod("label").invoke(constant);
                if (!label.equals(value(chinese, key))) {
                    unlabelled.add(key + " (中文) should be " + label + ", is " + value(chinese, key));
                }
                if (value(english, key) == null) {
                    unlabelled.add(key + " has no English");
                }
            }
        }
        assertThat(unlabelled).isEmpty();
    }

    /** The enums of the application, nested ones too, whose constants have a {@code label()}. */
    private static List<Class<?>> labelledEnums() throws IOException, ClassNotFoundException {
        List<Class<?>> enums = new ArrayList<>();
        ClassLoader loader = MessageKeysTest.class.getClassLoader();
        for (Path compiled : files(MAIN_CLASSES, ".class")) {
            String name = MAIN_CLASSES.relativize(compiled).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, loader);
            if (type.isEnum() && hasLabel(type)) {
                enums.add(type);
            }
        }
        return enums;
    }

    private static boolean hasLabel(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .anyMatch(method -> method.getName().equals("label") && method.getParameterCount() == 0);
    }

    private static String value(Map<String, Properties> bundles, String key) {
        return bundles.values().stream().map(bundle -> bundle.getProperty(key)).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    private boolean exists(String key) {
        return chinese.values().stream().anyMatch(bundle -> bundle.containsKey(key))
                && english.values().stream().anyMatch(bundle -> bundle.containsKey(key));
    }

    /** The bundles the application reads, as application.yml lists them. */
    private static List<String> bundles() throws IOException {
        Matcher basename = Pattern.compile("basename:\\s*(\\S+)")
                .matcher(Files.readString(Path.of("src/main/resources/application.yml")));
        assertThat(basename.find()).as("spring.messages.basename in application.yml").isTrue();
        return List.of(basename.group(1).split(","));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(suffix)).collect(Collectors.toList());
        }
    }

    private static boolean isLiteral(String argument) {
        return argument.length() >= 2 && argument.startsWith("\"") && argument.endsWith("\"")
                && argument.indexOf('"', 1) == argument.length() - 1;
    }

    private static String unquote(String literal) {
        return literal.substring(1, literal.length() - 1);
    }

    /** The top-level arguments of the call whose opening parenthesis ends just before {@code start}. */
    private static List<String> arguments(String code, int start) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < code.length(); i++) {
            char c = code.charAt(i);
            if (inString) {
                current.append(c);
                if (c == '\\') {
                    current.append(code.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '\'') {
                // A char literal such as '(' or '"' is copied whole, so it opens nothing.
                int end = code.indexOf('\'', i + (code.charAt(i + 1) == '\\' ? 3 : 2));
                current.append(code, i, end + 1);
                i = end;
            } else if (c == '"') {
                inString = true;
                current.append(c);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
                current.append(c);
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    arguments.add(current.toString().strip());
                    return arguments;
                }
                depth--;
                current.append(c);
            } else if (c == ',' && depth == 0) {
                arguments.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return arguments;
    }
}
