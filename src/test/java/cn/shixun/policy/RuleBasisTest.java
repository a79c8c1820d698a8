package cn.shixun.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The 依据 shown beside a rule (issue 14, item 2) quotes the notice itself: every rule of the rule book has a
 * source and a quote in both bundles, and every Chinese quote is the notices' own words, not a paraphrase.
 * The five notices are copied into {@code src/test/resources/seeds/} (the shared seed folder is outside
 * the project).
 */
class RuleBasisTest {

    private static final Path RULE_BOOK = Path.of("docs/rules.md");
    private static final Path NOTICES = Path.of("src/test/resources/seeds");
    private static final Pattern RULE_HEADING = Pattern.compile("(?m)^- \\*\\*(R-\\d{2}) ");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000]+");

    private final Properties chinese = load("basis.properties");
    private final Properties english = load("basis_en.properties");

    @Test
    void everyRuleOfTheRuleBookHasASourceAndAQuoteInChineseAndEnglish() throws IOException {
        List<String> rules = ruleIds();
        assertThat(rules).as("the rule book's ids").hasSize(36).contains("R-01", "R-24", "R-30", "R-41");
        for (String rule : rules) {
            for (String part : List.of("source", "quote")) {
                String key = "basis." + rule + "." + part;
                assertThat(chinese.getProperty(key)).as("中文 " + key).isNotBlank();
                assertThat(english.getProperty(key)).as("English " + key).isNotBlank()
                        .isNotEqualTo(chinese.getProperty(key));
            }
        }
    }

    @Test
    void everyChineseQuoteIsTheNoticesOwnWords() throws IOException {
        String notices = notices();
        List<String> paraphrased = ruleIds().stream()
                .filter(rule -> !verbatimIn(notices, chinese.getProperty("basis." + rule + ".quote", "")))
                .toList();
        assertThat(paraphrased).as("quotes not found verbatim in the notices").isEmpty();
    }

    @Test
    void aQuoteWithOneWordChangedIsNotTheNoticesWords() throws IOException {
        String notices = notices();
        String quote = chinese.getProperty("basis.R-09.quote");
        assertThat(verbatimIn(notices, quote)).isTrue();
        assertThat(verbatimIn(notices, quote.replace("不少于72学时", "至少72学时"))).isFalse();
    }

    /** Whitespace is layout in these notices (a line break or stray space inside a sentence), not wording. */
    private static boolean verbatimIn(String notices, String quote) {
        String words = normalise(quote);
        return !words.isEmpty() && notices.contains(words);
    }

    private static String notices() throws IOException {
        try (Stream<Path> files = Files.list(NOTICES)) {
            List<Path> texts = files.filter(file -> file.toString().endsWith(".txt")).sorted().toList();
            assertThat(texts).as("the five notices").hasSize(5);
            StringBuilder all = new StringBuilder();
            for (Path text : texts) {
                all.append(normalise(Files.readString(text, StandardCharsets.UTF_8))).append('\n');
            }
            return all.toString();
        }
    }

    private static String normalise(String text) {
        return WHITESPACE.matcher(text).replaceAll("");
    }

    private static List<String> ruleIds() throws IOException {
        Matcher heading = RULE_HEADING.matcher(Files.readString(RULE_BOOK, StandardCharsets.UTF_8));
        return heading.results().map(match -> match.group(1)).collect(Collectors.toList());
    }

    private static Properties load(String bundle) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/i18n", bundle),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + bundle, e);
        }
        return properties;
    }
}
