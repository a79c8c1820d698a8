package cn.shixun.processowner.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a second owner reads before approving a model: its elements added, removed or changed, by id and name. */
class ModelDiffTest {

    private static String exemption() throws IOException {
        return Files.readString(Path.of("processes/degreeExemption.bpmn"));
    }

    @Test
    void theSameModelChangesNothing_evenMovedInTheDiagram() throws IOException {
        String moved = exemption().replaceFirst("<dc:Bounds x=\"(\\d+)\"", "<dc:Bounds x=\"9$1\"");
        assertThat(moved).isNotEqualTo(exemption());
        assertThat(ModelDiff.between(exemption(), moved)).isEmpty();
    }

    @Test
    void aRenamedStep_aChangedDueDate_anAddedAndARemovedElement_eachNamedByIdAndName() throws IOException {
        String base = exemption();
        String draft = base.replaceFirst("(id=\"UserTask_SchoolReview\" name=\")[^\"]+\"", "$1学校初审\"")
                .replaceFirst("(id=\"UserTask_AuthorityReview\"[^>]*camunda:dueDate=\")[^\"]+\"", "$1P3D\"")
                .replace("</bpmn:process>", "<bpmn:endEvent id=\"EndEvent_Withdrawn\" name=\"已撤回\" /></bpmn:process>")
                .replaceFirst("<bpmn:documentation>[^<]*</bpmn:documentation>", "");
        List<ModelDiff.Change> changes = ModelDiff.between(base, draft);
        assertThat(changes).extracting(ModelDiff.Change::what, ModelDiff.Change::elementId)
                .as("documentation is read by people: not a change").containsExactlyInAnyOrder(
                        tuple("CHANGED", "UserTask_SchoolReview"),
                        tuple("CHANGED", "UserTask_AuthorityReview"),
                        tuple("ADDED", "EndEvent_Withdrawn"));
        assertThat(changes).filteredOn(change -> change.elementId().equals("UserTask_SchoolReview")).singleElement()
                .satisfies(change -> {
                    assertThat(change.renamed()).isTrue();
                    assertThat(change.newName()).isEqualTo("学校初审");
                });
        assertThat(changes).filteredOn(change -> change.elementId().equals("UserTask_AuthorityReview")).singleElement()
                .satisfies(change -> assertThat(change.renamed()).isFalse());
        assertThat(ModelDiff.between(draft, base)).extracting(ModelDiff.Change::what, ModelDiff.Change::elementId)
                .contains(tuple("REMOVED", "EndEvent_Withdrawn"));
        assertThat(ModelDiff.fromJson(ModelDiff.toJson(changes))).isEqualTo(changes);
    }

    @Test
    void withNothingDeployedBefore_everyElementIsAdded() throws IOException {
        assertThat(ModelDiff.between(null, exemption())).isNotEmpty()
                .allSatisfy(change -> assertThat(change.what()).isEqualTo("ADDED"));
    }
}
