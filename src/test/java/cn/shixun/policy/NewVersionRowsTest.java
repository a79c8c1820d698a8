package cn.shixun.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/** "复制为新版本" in a decision table: the profile's rows of one version copied for the next. */
class NewVersionRowsTest {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static final String TABLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_t" name="t" namespace="urn:t">
              <decision id="minimums" name="最低学时">
                <decisionTable id="DecisionTable_minimums" hitPolicy="COLLECT">
                  <input id="Input_profile"><inputExpression id="IE_p" typeRef="string"><text>profile</text></inputExpression></input>
                  <input id="Input_version"><inputExpression id="IE_v" typeRef="integer"><text>profileVersion</text></inputExpression></input>
                  <output id="Output_code" name="code" typeRef="string" />
                  <output id="Output_hours" name="hours" typeRef="double" />
                  <rule id="Rule_1"><inputEntry id="I1a"><text>"henan-2016"</text></inputEntry><inputEntry id="I1b"><text>1</text></inputEntry>
                    <outputEntry id="O1a"><text>"CYCLE_TOTAL"</text></outputEntry><outputEntry id="O1b"><text>360</text></outputEntry></rule>
                  <rule id="Rule_2"><inputEntry id="I2a"><text>"sanmenxia-2023"</text></inputEntry><inputEntry id="I2b"><text>1</text></inputEntry>
                    <outputEntry id="O2a"><text>"YEAR_TOTAL"</text></outputEntry><outputEntry id="O2b"><text>90</text></outputEntry></rule>
                  <rule id="Rule_3"><inputEntry id="I3a"><text>"sanmenxia-2023"</text></inputEntry><inputEntry id="I3b"><text>1</text></inputEntry>
                    <outputEntry id="O3a"><text>"YEAR_SCHOOL_BASED"</text></outputEntry><outputEntry id="O3b"><text>16</text></outputEntry></rule>
                  <rule id="Rule_4"><inputEntry id="I4a"><text>-</text></inputEntry><inputEntry id="I4b"><text>-</text></inputEntry>
                    <outputEntry id="O4a"><text>"EVERYONE"</text></outputEntry><outputEntry id="O4b"><text>1</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    @Test
    void theProfilesRowsOfTheVersionAreCopiedForTheNext_andEveryOtherRowStaysAsItWas() {
        NewVersionRows.Copy copy = NewVersionRows.copy(TABLE.getBytes(StandardCharsets.UTF_8), "sanmenxia-2023", 1, 2);

        assertThat(copy.copiedRows()).isEqualTo(2);
        assertThat(codesAndHours(copy.table(), "sanmenxia-2023", 2))
                .containsExactly("YEAR_TOTAL=90.0", "YEAR_SCHOOL_BASED=16.0", "EVERYONE=1.0");
        assertThat(codesAndHours(copy.table(), "sanmenxia-2023", 1)).as("version 1 answers as before")
                .isEqualTo(codesAndHours(TABLE.getBytes(StandardCharsets.UTF_8), "sanmenxia-2023", 1));
        assertThat(codesAndHours(copy.table(), "henan-2016", 2)).as("another profile's rows are not copied")
                .containsExactly("EVERYONE=1.0");
        String xml = new String(copy.table(), StandardCharsets.UTF_8);
        assertThat(xml).contains("id=\"Rule_2_v2\"", "id=\"I2b_v2\"", "id=\"Rule_2\"")
                .doesNotContain("Rule_1_v2", "Rule_4_v2");
        assertThat(xml.indexOf("Rule_2_v2")).as("the copy stands above its original").isLessThan(xml.indexOf("\"Rule_2\""));
    }

    @Test
    void aProfileWithoutRowsOfThatVersionCopiesNothing() {
        assertThat(NewVersionRows.copy(TABLE.getBytes(StandardCharsets.UTF_8), "kunming-2015", 1, 2).copiedRows()).isZero();
        assertThat(NewVersionRows.copy(TABLE.getBytes(StandardCharsets.UTF_8), "sanmenxia-2023", 2, 3).copiedRows()).isZero();
    }

    @Test
    void aTableWithADoctypeOrWithoutTheVersionInputIsRefused() {
        String doctype = TABLE.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
        assertThatThrownBy(() -> NewVersionRows.copy(doctype.getBytes(StandardCharsets.UTF_8), "sanmenxia-2023", 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not parse");
        String unversioned = TABLE.replace("<text>profileVersion</text>", "<text>year</text>");
        assertThatThrownBy(() -> NewVersionRows.copy(unversioned.getBytes(StandardCharsets.UTF_8), "sanmenxia-2023", 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("profileVersion");
    }

    private static List<String> codesAndHours(byte[] table, String profile, int version) {
        DmnDecision decision = ENGINE.parseDecision("minimums", new ByteArrayInputStream(table));
        return ENGINE.evaluateDecisionTable(decision, Map.of("profile", profile, "profileVersion", version))
                .getResultList().stream().map(row -> row.get("code") + "=" + row.get("hours")).toList();
    }
}
