package cn.shixun.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a case's open steps say about it, read from the tasks as the model names, kinds and routes them. */
class CaseProgressTest {

    @Test
    void R04_aReviewStepReadsAsInProgressAtTheLevelOfItsGroup() {
        CaseProgress progress = CaseProgress.of(List.of(task("UserTask_CityReview", "市级复核", CaseTask.Kind.REVIEW,
                List.of("city-reviewer:410100"), null)));

        assertThat(progress.label()).isEqualTo("市级复核中");
        assertThat(progress.openSteps()).singleElement().satisfies(step -> {
            assertThat(step.key()).isEqualTo("UserTask_CityReview");
            assertThat(step.level()).isEqualTo(StepLevel.CITY);
        });
        assertThat(progress.awaitsSubmission()).isFalse();
    }

    @Test
    void R04_anEscalatedReviewStaysAtTheLevelItWasRoutedTo() {
        CaseProgress progress = CaseProgress.of(List.of(task("UserTask_SchoolReview", "学校审核", CaseTask.Kind.REVIEW,
                List.of("county-reviewer:410105", "school-admin:4101050001"), null)));

        assertThat(progress.openSteps().get(0).level()).isEqualTo(StepLevel.SCHOOL);
    }

    @Test
    void aSubmissionAssignedToOnePersonWaitsForTheApplicant() {
        CaseProgress progress = CaseProgress.of(List.of(task("UserTask_Amend", "修改申请材料", CaseTask.Kind.SUBMISSION,
                List.of(), "teacher")));

        assertThat(progress.label()).isEqualTo("待修改申请材料");
        assertThat(progress.openSteps().get(0).level()).isEqualTo(StepLevel.APPLICANT);
        assertThat(progress.awaitsSubmission()).isTrue();
    }

    @Test
    void aCaseWithNoOpenStepIsBeingProcessed_andParallelStepsAreAllNamed() {
        assertThat(CaseProgress.of(List.of()).label()).isEqualTo(CaseProgress.PROCESSING);
        assertThat(CaseProgress.of(List.of(
                task("UserTask_A", "县级复查", CaseTask.Kind.REVIEW, List.of("county-reviewer:410105"), null),
                task("UserTask_B", "学校补充材料", CaseTask.Kind.SUBMISSION, List.of("school-admin:4101050001"), null)))
                .label()).isEqualTo("县级复查中、待学校补充材料");
    }

    @Test
    void anOpenRecordReadsAsItsOpenSteps_aClosedOneAsHowItEnded() {
        CaseProgress atSchool = CaseProgress.of(List.of(task("UserTask_SchoolReview", "学校审核", CaseTask.Kind.REVIEW,
                List.of("school-admin:4101050001"), null)));

        assertThat(atSchool.statusLabel(Standing.OPEN)).isEqualTo("学校审核中");
        assertThat(CaseProgress.of(List.of()).statusLabel(Standing.OPEN)).isEqualTo(CaseProgress.PROCESSING);
        assertThat(CaseProgress.of(List.of()).statusLabel(Standing.REJECTED)).isEqualTo("未通过");
    }

    /** A procedure's record status as the casework sees it. */
    private enum Standing implements CaseStatus {
        OPEN, REJECTED;

        @Override
        public boolean isOpen() {
            return this == OPEN;
        }

        @Override
        public String label() {
            return this == OPEN ? "办理中" : "未通过";
        }
    }

    private static CaseTask task(String key, String name, CaseTask.Kind kind, List<String> groups, String assignee) {
        return new CaseTask("t-" + key, "degreeExemption", "1", key, name, kind, groups, assignee, Instant.now(), null);
    }
}
