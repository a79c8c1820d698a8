package cn.shixun.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.ledger.LegacyImportBatch.Item;
import cn.shixun.ledger.LegacyImportBatch.Outcome;
import cn.shixun.ledger.LegacyImportBatch.Result;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.HourCategory;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R-41 legacy hours for many teachers, resumable: one transaction per teacher, rows imported
 * before are skipped, a technical failure is reported per teacher, and the same batch sent
 * again writes exactly what is missing. (With a real database restart: TwoNodesIT.)
 */
@SpringBootTest
class R41LegacyImportBatchTest {

    @Autowired LegacyImportBatch batch;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired JdbcTemplate jdbc;

    Teacher first;
    Teacher second;
    Teacher outside;

    @BeforeEach
    void setUp() {
        Regions regions = new Regions(organisations, teachers);
        first = regions.teacher(Regions.KUNMING, LocalDate.of(2005, 9, 1));
        second = regions.teacher(Regions.KUNMING, LocalDate.of(2005, 9, 1));
        outside = regions.teacher(Regions.KUNMING, LocalDate.of(2005, 9, 1));
    }

    @Test
    void R41_aBatchSentAgainWritesOnlyWhatIsMissing() {
        ledger.importLegacy(first.getId(), List.of(row(2014, "P-1")), "officer");
        List<Item> items = List.of(
                new Item(first.getId(), List.of(row(2014, "P-1"), row(2015, "P-2"))),
                new Item(second.getId(), List.of(row(2014, "Q-1"), row(2015, "Q-2"))),
                new Item(-1L, List.of(row(2014, "X-1"))),
                new Item(outside.getId(), List.of(row(2014, "O-1"))));

        List<Result> run = batch.run(items, "officer", id -> !id.equals(outside.getId()));
        assertThat(run).extracting(Result::outcome)
                .containsExactly(Outcome.IMPORTED, Outcome.IMPORTED, Outcome.REFUSED, Outcome.REFUSED);
        assertThat(run).extracting(Result::written).containsExactly(1, 2, 0, 0);
        assertThat(run.get(2).field()).isEqualTo("teacherId");
        assertThat(run.get(3).field()).as("outside the scope reads like unknown").isEqualTo("teacherId");
        assertThat(run.get(3).reason()).startsWith(run.get(2).reason().substring(0, 4));

        List<Result> again = batch.run(items, "officer", id -> !id.equals(outside.getId()));
        assertThat(again).extracting(Result::outcome)
                .containsExactly(Outcome.ALREADY_IMPORTED, Outcome.ALREADY_IMPORTED, Outcome.REFUSED, Outcome.REFUSED);
        assertThat(rows(first)).isEqualTo(2);
        assertThat(rows(second)).isEqualTo(2);
        assertThat(rows(outside)).isZero();
    }

    @Test
    void R41_aTeacherThatFailsIsReportedAndWrittenOnResubmission() {
        List<Item> items = List.of(new Item(first.getId(), List.of(row(2014, "F-1"), row(2015, "F-2"))),
                new Item(second.getId(), List.of(row(2014, "G-1"))));
        List<Result> run = batch.run(items, "officer", id -> {
            if (id.equals(first.getId())) {
                throw new org.springframework.dao.DataAccessResourceFailureException("Communications link failure");
            }
            return true;
        });
        assertThat(run).extracting(Result::outcome).containsExactly(Outcome.FAILED, Outcome.IMPORTED);
        assertThat(run.get(0).reason()).contains("重新提交");
        assertThat(rows(first)).isZero();

        assertThat(batch.run(items, "officer", id -> true)).extracting(Result::outcome)
                .containsExactly(Outcome.IMPORTED, Outcome.ALREADY_IMPORTED);
        assertThat(rows(first)).isEqualTo(2);
        assertThat(rows(second)).isEqualTo(1);
    }

    @Test
    void R41_aBadRowRefusesOnlyItsTeacherAndNamesTheRow() {
        List<Result> run = batch.run(List.of(
                new Item(first.getId(), List.of(row(2014, "B-1"), row(1980, "B-2"))),
                new Item(second.getId(), List.of(row(2014, "C-1")))), "officer", id -> true);
        assertThat(run).extracting(Result::outcome).containsExactly(Outcome.REFUSED, Outcome.IMPORTED);
        assertThat(run.get(0).field()).isEqualTo("items[1].year");
        assertThat(run.get(0).reason()).contains("R-41");
        assertThat(rows(first)).as("nothing of the refused teacher").isZero();
    }

    private long rows(Teacher teacher) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE teacher_id = ?", Long.class, teacher.getId());
    }

    private static LegacyHours row(int year, String evidence) {
        return new LegacyHours(year, HourCategory.LEGACY, new BigDecimal("30"), evidence);
    }
}
