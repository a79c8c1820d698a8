package cn.shixun.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/** The decision tables officials read: conventions, and the minimums each profile sets. */
class DecisionTablesTest {

    @Test
    void everyTableIsNamedAfterItsFileAndHasAHistoryTimeToLive() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("processes"))) {
            files = listing.filter(p -> p.toString().endsWith(".dmn")).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("creditRules.dmn", "requirements.dmn", "recognisedCertificates.dmn", "cycleRules.dmn");
        for (Path file : files) {
            DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
            String expectedId = file.getFileName().toString().replace(".dmn", "");
            Decision decision = model.getModelElementsByType(Decision.class).iterator().next();
            assertThat(decision.getId()).isEqualTo(expectedId);
            assertThat(decision.getCamundaHistoryTimeToLiveString()).as(expectedId).isNotBlank();
        }
    }

    private static Map<String, BigDecimal> minimums(PolicyProfile profile, String city) {
        return FileDecisions.INSTANCE.requirements(PolicyKey.of(profile, city)).stream()
                .collect(Collectors.toMap(Requirement::code, Requirement::minimumHours));
    }

    @Test
    void R07_henanCycleNeeds360Of80SchoolBased() {
        Map<String, BigDecimal> zhengzhou = minimums(Fixtures.HENAN, Fixtures.ZHENGZHOU);
        assertThat(zhengzhou.get("CYCLE_TOTAL")).isEqualByComparingTo("360");
        assertThat(zhengzhou.get("CYCLE_SCHOOL_BASED")).isEqualByComparingTo("80");
        assertThat(zhengzhou).doesNotContainKey("YEAR_NETWORK_SCHOOL_BASED");
        assertThat(minimums(Fixtures.HENAN, Fixtures.XINXIANG).get("YEAR_NETWORK_SCHOOL_BASED")).isEqualByComparingTo("16");
    }

    @Test
    void R09_kunmingNeeds72AYearAnd360ACycle() {
        Map<String, BigDecimal> kunming = minimums(Fixtures.KUNMING, Fixtures.KUNMING_CITY);
        assertThat(kunming.get("YEAR_TOTAL")).isEqualByComparingTo("72");
        assertThat(kunming.get("CYCLE_TOTAL")).isEqualByComparingTo("360");
        assertThat(kunming.get("NEW_TEACHER_FIRST_YEAR")).isEqualByComparingTo("120");
        assertThat(kunming.get("NEW_PRINCIPAL_FIRST_YEAR")).isEqualByComparingTo("300");
    }

    @Test
    void R10_sanmenxiaSplits90AYearIntoCategories() {
        Map<String, BigDecimal> sanmenxia = minimums(Fixtures.SANMENXIA, Fixtures.SANMENXIA_CITY);
        assertThat(sanmenxia.get("YEAR_PUBLIC")).isEqualByComparingTo("30");
        assertThat(sanmenxia)
                .containsKeys("YEAR_ETHICS", "YEAR_SCHOOL_BASED", "YEAR_SUBJECT", "YEAR_TOTAL");
        assertThat(sanmenxia.get("YEAR_ETHICS")).isEqualByComparingTo("10");
        assertThat(sanmenxia.get("YEAR_SCHOOL_BASED")).isEqualByComparingTo("16");
        assertThat(sanmenxia.get("YEAR_SUBJECT")).isEqualByComparingTo("34");
        assertThat(sanmenxia.get("YEAR_TOTAL")).isEqualByComparingTo("90");
    }

    /**
     * ADR 0012: a row that names a profile names its version too, so that the rows a new version
     * adds to a table (COLLECT {@code requirements} above all) never add to an older version's
     * answer. Only the catch-all rows for every profile leave both open.
     */
    @Test
    void everyRowNamingAProfileNamesItsVersion() throws IOException {
        for (String table : List.of("requirements", "cycleRules", "creditRules", "recognisedCertificates")) {
            DecisionTable decisionTable = Dmn.readModelFromFile(FileDecisions.file(table).toFile())
                    .getModelElementsByType(DecisionTable.class).iterator().next();
            for (Rule rule : decisionTable.getRules()) {
                List<InputEntry> entries = List.copyOf(rule.getInputEntries());
                String profile = entries.get(0).getTextContent().strip();
                String version = entries.get(1).getTextContent().strip();
                if (!profile.equals("-")) {
                    assertThat(version).as(table + " " + rule.getId()).matches("\\d+");
                }
            }
        }
    }

    @Test
    void R10_aVersionWithoutRowsOfItsOwnGetsNoneOfVersion1sRequirements() {
        PolicyKey version2 = new PolicyKey("sanmenxia-2023", 2, Fixtures.SANMENXIA_CITY);
        assertThat(FileDecisions.INSTANCE.requirements(version2)).isEmpty();
        assertThat(FileDecisions.INSTANCE.requirements(PolicyKey.of(Fixtures.SANMENXIA, Fixtures.SANMENXIA_CITY)))
                .isNotEmpty();
    }
}
