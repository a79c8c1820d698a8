package cn.shixun.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The difference a second process owner reads before approving a table: rows by id, cells by column label. */
class TableDiffTest {

    @Test
    void aNewVersionsCopiedRowsAreAdded_andAnEditedOldRowShowsOnlyItsChangedCell() throws IOException {
        byte[] published = Files.readAllBytes(FileDecisions.file(PolicyDecisions.REQUIREMENTS));
        NewVersionRows.Copy copy = NewVersionRows.copy(published, "sanmenxia-2023", 1, 2);
        String edited = new String(copy.table(), StandardCharsets.UTF_8);
        // The kunming yearly minimum changed in place (what a published version must never see, but a diff must show).
        String kunmingYear = edited.substring(edited.indexOf("<rule id=\"Rule_requirements_05\""),
                edited.indexOf("</rule>", edited.indexOf("<rule id=\"Rule_requirements_05\"")));
        edited = edited.replace(kunmingYear, kunmingYear.replace("<text>72</text>", "<text>80</text>"));
        // And the henan new-teacher row removed.
        int start = edited.indexOf("<rule id=\"Rule_requirements_03\"");
        edited = edited.substring(0, start) + edited.substring(edited.indexOf("</rule>", start) + "</rule>".length());

        List<TableDiff.Change> changes = TableDiff.between(published, edited.getBytes(StandardCharsets.UTF_8));

        assertThat(changes).filteredOn(c -> c.kind() == TableDiff.Kind.ADDED).hasSize(copy.copiedRows())
                .allSatisfy(c -> assertThat(c.ruleId()).endsWith("_v2"));
        TableDiff.Change kunming = changes.stream().filter(c -> c.kind() == TableDiff.Kind.CHANGED).findFirst().orElseThrow();
        assertThat(kunming.ruleId()).isEqualTo("Rule_requirements_05");
        assertThat(kunming.cells()).containsExactly(new TableDiff.Cell("最低学时", "72", "80"));
        assertThat(changes).filteredOn(c -> c.kind() == TableDiff.Kind.REMOVED).extracting(TableDiff.Change::ruleId)
                .containsExactly("Rule_requirements_03");
        assertThat(changes).hasSize(copy.copiedRows() + 2);
    }

    @Test
    void theSameTableHasNoChange_andTablesWithOtherColumnsAreRefused() throws IOException {
        byte[] requirements = Files.readAllBytes(FileDecisions.file(PolicyDecisions.REQUIREMENTS));
        assertThat(TableDiff.between(requirements, requirements)).isEmpty();
        byte[] cycles = Files.readAllBytes(FileDecisions.file(PolicyDecisions.CYCLE_RULES));
        assertThatThrownBy(() -> TableDiff.between(requirements, cycles)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("columns differ");
    }
}
