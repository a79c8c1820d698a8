package cn.shixun.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * ADR 0012 §2 "Validation", the policy checks of a decision table draft, each on a small table
 * keyed like ours ({@code profile}, {@code profileVersion}, {@code cityCode}, then the table's own
 * inputs): each problem names the rule (row) at fault, and a correct table has none.
 */
class DecisionPolicyChecksTest {

    @Test
    void aRowWithoutItsProfileVersionIsAProblem_itWouldApplyToEveryVersion() {
        String table = table("COLLECT", List.of("code", "minimumHours"),
                row("Rule_01", "\"henan-2016\"", "1", "-", "\"CYCLE_TOTAL\"", "360"),
                row("Rule_02", "\"sanmenxia-2023\"", "-", "-", "\"YEARLY_TOTAL\"", "72"));

        assertThat(DecisionPolicyChecks.check(bytes(table))).singleElement().satisfies(problem -> {
            assertThat(problem.elementId()).isEqualTo("Rule_02");
            assertThat(problem.ruleId()).isEqualTo("policy.version-wildcard");
            assertThat(problem.zh()).contains("方案版本");
        });
    }

    @Test
    void aRowForEveryProfileIsTheSharedFallback_notAVersionWildcard() {
        String table = table("FIRST", List.of("category"),
                row("Rule_01", "\"henan-2016\"", "1", "-", "\"GENERAL\""),
                row("Rule_02", "-", "-", "-", "\"GENERAL\""));

        assertThat(DecisionPolicyChecks.check(bytes(table))).isEmpty();
    }

    @Test
    void theRepositorysTablesPassEveryPolicyCheck() throws java.io.IOException {
        for (String key : PolicyDecisions.TABLES) {
            assertThat(DecisionPolicyChecks.check(java.nio.file.Files.readAllBytes(FileDecisions.file(key))))
                    .as(key).isEmpty();
        }
    }

    @Test
    void anEmptyProfileVersionEntryIsAWildcardToo() {
        String table = table("COLLECT", List.of("code"), row("Rule_01", "\"henan-2016\"", "", "-", "\"CYCLE_TOTAL\""));

        assertThat(DecisionPolicyChecks.check(bytes(table))).extracting(DecisionPolicyChecks.Problem::ruleId)
                .containsExactly("policy.version-wildcard");
    }

    @Test
    void twoRowsOfAUniqueTableMatchingOneKeyAreAmbiguous_aCityRowUnderTheProfileRow() {
        String table = table("UNIQUE", List.of("years"),
                row("Rule_Henan", "\"henan-2016\"", "1", "-", "5"),
                row("Rule_Anyang", "\"henan-2016\"", "1", "\"410500\"", "3"));

        assertThat(DecisionPolicyChecks.check(bytes(table))).singleElement().satisfies(problem -> {
            assertThat(problem.elementId()).isEqualTo("Rule_Anyang");
            assertThat(problem.ruleId()).isEqualTo("policy.ambiguous-overlap");
            assertThat(problem.zh()).contains("Rule_Henan");
        });
    }

    @Test
    void rowsOfAUniqueTableThatDifferInALiteralDoNotOverlap() {
        String table = table("UNIQUE", List.of("years"),
                row("Rule_Henan", "\"henan-2016\"", "1", "\"410700\"", "5"),
                row("Rule_Henan2", "\"henan-2016\"", "2", "\"410700\"", "5"),
                row("Rule_Anyang", "\"henan-2016\"", "1", "\"410500\"", "3"),
                row("Rule_Kunming", "\"kunming-2015\"", "1", "-", "5"));

        assertThat(DecisionPolicyChecks.check(bytes(table))).isEmpty();
    }

    @Test
    void anAnyTableMayHaveOverlappingRowsWithTheSameOutput_notWithDifferentOnes() {
        String same = table("ANY", List.of("years"),
                row("Rule_A", "\"henan-2016\"", "1", "-", "5"),
                row("Rule_B", "\"henan-2016\"", "1", "\"410500\"", "5"));
        String different = table("ANY", List.of("years"),
                row("Rule_A", "\"henan-2016\"", "1", "-", "5"),
                row("Rule_B", "\"henan-2016\"", "1", "\"410500\"", "3"));

        assertThat(DecisionPolicyChecks.check(bytes(same))).isEmpty();
        assertThat(DecisionPolicyChecks.check(bytes(different))).extracting(DecisionPolicyChecks.Problem::elementId)
                .containsExactly("Rule_B");
    }

    @Test
    void twoCollectRowsGivingOneRequirementCodeForOneKeyAreAProblem_bothMinimumsWouldApply() {
        String table = table("COLLECT", List.of("code", "minimumHours"),
                row("Rule_v1_yearly", "\"sanmenxia-2023\"", "1", "-", "\"YEARLY_TOTAL\"", "72"),
                row("Rule_v1_ethics", "\"sanmenxia-2023\"", "1", "-", "\"YEARLY_ETHICS\"", "6"),
                row("Rule_v1_yearly_again", "\"sanmenxia-2023\"", "1", "-", "\"YEARLY_TOTAL\"", "60"),
                row("Rule_v2_yearly", "\"sanmenxia-2023\"", "2", "-", "\"YEARLY_TOTAL\"", "60"));

        assertThat(DecisionPolicyChecks.check(bytes(table))).singleElement().satisfies(problem -> {
            assertThat(problem.elementId()).isEqualTo("Rule_v1_yearly_again");
            assertThat(problem.ruleId()).isEqualTo("policy.duplicate-requirement");
            assertThat(problem.zh()).contains("Rule_v1_yearly", "\"YEARLY_TOTAL\"");
        });
    }

    @Test
    void R10_aLabelNamingAnotherFigureThanItsRowsMinimumIsAProblem_teachersWouldReadTheOldFigure() {
        String table = table("COLLECT", List.of("code", "minimumHours", "label"),
                row("Rule_v1_school", "\"sanmenxia-2023\"", "1", "-", "\"YEAR_SCHOOL_BASED\"", "16", "\"校本研修每年16学时\""),
                row("Rule_v2_school", "\"sanmenxia-2023\"", "2", "-", "\"YEAR_SCHOOL_BASED\"", "10", "\"校本研修每年16学时\""),
                row("Rule_v2_total", "\"sanmenxia-2023\"", "2", "-", "\"YEAR_TOTAL\"", "270", "\"2023—2025年三年共270 学时\""),
                row("Rule_v2_online", "\"sanmenxia-2023\"", "2", "\"411200\"", "\"ONLINE\"", "16.0", "\"网络研修每年16学分\""),
                row("Rule_v2_ethics", "\"sanmenxia-2023\"", "2", "-", "\"YEAR_ETHICS\"", "10", "\"师德培训\""));

        assertThat(DecisionPolicyChecks.check(bytes(table))).singleElement().satisfies(problem -> {
            assertThat(problem.elementId()).isEqualTo("Rule_v2_school");
            assertThat(problem.ruleId()).isEqualTo("policy.label-contradicts-minimum");
            assertThat(problem.zh()).contains("“16学时”", "最低学时是 10");
        });
    }

    @Test
    void aFirstTableWhoseVersionEndsWithoutACatchAllIsAProblem_someClaimsWouldHaveNoResult() {
        String table = table("FIRST", List.of("category"),
                row("Rule_Kunming_Programme", "\"kunming-2015\"", "1", "-", "\"PROGRAMME_CERTIFIED\"", "\"TRAINING\""),
                row("Rule_Kunming_Rest", "\"kunming-2015\"", "1", "-", "-", "\"NOT_RECOGNISED\""),
                row("Rule_Henan_Programme", "\"henan-2016\"", "1", "-", "\"PROGRAMME_CERTIFIED\"", "\"TRAINING\""),
                row("Rule_Henan_School", "\"henan-2016\"", "1", "\"410700\"", "-", "\"SCHOOL_BASED\""));

        assertThat(DecisionPolicyChecks.check(bytes(table))).singleElement().satisfies(problem -> {
            assertThat(problem.elementId()).isEqualTo("Rule_Henan_School");
            assertThat(problem.ruleId()).isEqualTo("policy.first-without-catch-all");
            assertThat(problem.zh()).contains("henan-2016", "兜底");
        });
    }

    @Test
    void aCatchAllBeforeTheRowsItShadowsDoesNotCount_theLastRowOfTheVersionMustBeIt() {
        String table = table("FIRST", List.of("category"),
                row("Rule_Rest", "\"kunming-2015\"", "1", "-", "-", "\"NOT_RECOGNISED\""),
                row("Rule_Programme", "\"kunming-2015\"", "1", "-", "\"PROGRAMME_CERTIFIED\"", "\"TRAINING\""));

        assertThat(DecisionPolicyChecks.check(bytes(table))).extracting(DecisionPolicyChecks.Problem::elementId)
                .containsExactly("Rule_Programme");
    }

    @Test
    void correctTablesOfEachHitPolicyHaveNoProblem() {
        String first = table("FIRST", List.of("category"),
                row("Rule_Henan_School", "\"henan-2016\"", "1", "\"410700\"", "\"SCHOOL_BASED\"", "\"SCHOOL_BASED\""),
                row("Rule_Henan_Programme", "\"henan-2016\"", "1", "-", "\"PROGRAMME_CERTIFIED\"", "\"TRAINING\""),
                row("Rule_Henan_Rest", "\"henan-2016\"", "1", "-", "-", "\"NOT_RECOGNISED\""),
                row("Rule_Kunming_Rest", "\"kunming-2015\"", "1", "-", "-", "\"NOT_RECOGNISED\""));
        String collect = table("COLLECT", List.of("code", "minimumHours"),
                row("Rule_v1_yearly", "\"sanmenxia-2023\"", "1", "-", "\"YEARLY_TOTAL\"", "72"),
                row("Rule_v1_ethics", "\"sanmenxia-2023\"", "1", "-", "\"YEARLY_ETHICS\"", "6"),
                row("Rule_v2_yearly", "\"sanmenxia-2023\"", "2", "-", "\"YEARLY_TOTAL\"", "60"));

        assertThat(DecisionPolicyChecks.check(bytes(first))).isEmpty();
        assertThat(DecisionPolicyChecks.check(bytes(collect))).isEmpty();
    }

    @Test
    void whatCannotBeDecidedExactlyIsNotReported_rangesAreTakenAsDisjoint() {
        String table = table("UNIQUE", List.of("years"),
                row("Rule_Low", "\"henan-2016\"", "1", "-", "[1..3]", "5"),
                row("Rule_High", "\"henan-2016\"", "1", "-", ">= 2", "3"));

        assertThat(DecisionPolicyChecks.check(bytes(table))).isEmpty();
    }

    @Test
    void anUnreadableFileHasNoPolicyProblem_theModelValidationReportsIt() {
        assertThat(DecisionPolicyChecks.check(bytes("<definitions"))).isEmpty();
    }

    /** One row of a fixture table: its id, then its input entries and output entries in column order. */
    private record FixtureRow(String id, List<String> entries) {
    }

    private static FixtureRow row(String id, String... entries) {
        return new FixtureRow(id, List.of(entries));
    }

    /**
     * A DMN file with one decision table: the inputs profile, profileVersion, cityCode (and claimKind
     * where the rows have a fourth input entry), then the outputs named.
     */
    private static String table(String hitPolicy, List<String> outputs, FixtureRow... rows) {
        int inputCount = rows[0].entries().size() - outputs.size();
        List<String> inputNames = List.of("profile", "profileVersion", "cityCode", "claimKind").subList(0, inputCount);
        String inputs = inputNames.stream().map(name -> "<input id=\"Input_" + name + "\"><inputExpression id=\"InputExpression_"
                + name + "\" typeRef=\"string\"><text>" + name + "</text></inputExpression></input>").collect(Collectors.joining());
        String outputColumns = outputs.stream()
                .map(name -> "<output id=\"Output_" + name + "\" name=\"" + name + "\" typeRef=\"string\" />").collect(Collectors.joining());
        String rules = Arrays.stream(rows).map(row -> {
            StringBuilder rule = new StringBuilder("<rule id=\"" + row.id() + "\">");
            for (int i = 0; i < row.entries().size(); i++) {
                String kind = i < inputCount ? "inputEntry" : "outputEntry";
                rule.append("<").append(kind).append(" id=\"").append(row.id()).append("_").append(i).append("\"><text>")
                        .append(escape(row.entries().get(i))).append("</text></").append(kind).append(">");
            }
            return rule.append("</rule>").toString();
        }).collect(Collectors.joining());
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_test" name="test" namespace="urn:test">
                  <decision id="test" name="test">
                    <decisionTable id="DecisionTable_test" hitPolicy="%s">%s%s%s</decisionTable>
                  </decision>
                </definitions>""".formatted(hitPolicy, inputs, outputColumns, rules);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
