package cn.shixun.training;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.organisation.TrainingProviders;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teachers;
import cn.shixun.training.process.ExternalTrainingProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V133 on rows as the old code left them, run against this test's database (H2 here, MariaDB in
 * the IT subclass): the per-step statuses become OPEN, and {@code consented_at} is the school's
 * approval of its consent step in the case history, or the record's last change for a
 * status past the consent with no such line. The column exists already (Flyway added it); the
 * script's updates are run again on the rows set back to their old state.
 */
@SpringBootTest
class TrainingOpenStatusMigrationTest {

    private static final String MIGRATION = "db/migration/V133__external_training_open_status.sql";

    @Autowired Clock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired EvidenceFiles evidence;
    @Autowired ExternalTrainings trainings;
    @Autowired CaseTasks tasks;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired TrainingProviders providers;

    @Test
    void R31_R40_oldStatusesBecomeOpen_andTheConsentTimeComesFromTheHistory() throws IOException {
        TrainingFixture data = new TrainingFixture(organisations, teachers, accounts, providers, jdbc, evidence,
                "henan-2016", LocalDate.now(clock));
        CurrentAccount teacher = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        long atReview = applied(data, teacher, Decision.APPROVE);
        long returned = applied(data, teacher, Decision.RETURN);
        long consentedWithoutLine = applied(data, teacher, null);
        long rejectedLater = applied(data, teacher, Decision.APPROVE);
        Timestamp lastChange = Timestamp.from(Instant.parse("2025-03-01T02:00:00Z"));
        asTheOldCodeLeftIt(atReview, "COMPLETION_REVIEW");
        asTheOldCodeLeftIt(returned, "APPLICATION_RETURNED");
        asTheOldCodeLeftIt(consentedWithoutLine, "CONSENTED");
        jdbc.update("UPDATE external_training SET updated_at = ? WHERE id = ?", lastChange, consentedWithoutLine);
        asTheOldCodeLeftIt(rejectedLater, "REJECTED");

        for (String statement : statements(MIGRATION)) {
            if (!statement.startsWith("ALTER TABLE")) {
                jdbc.execute(statement);
            }
        }

        assertThat(status(atReview)).isEqualTo("OPEN");
        assertThat(consentedAt(atReview)).isEqualTo(consentLine(atReview)).isNotNull();
        assertThat(status(returned)).isEqualTo("OPEN");
        assertThat(consentedAt(returned)).as("returned, never consented to").isNull();
        assertThat(status(consentedWithoutLine)).isEqualTo("OPEN");
        assertThat(consentedAt(consentedWithoutLine)).isEqualTo(lastChange);
        assertThat(status(rejectedLater)).isEqualTo("REJECTED");
        assertThat(consentedAt(rejectedLater)).isEqualTo(consentLine(rejectedLater)).isNotNull();
    }

    /** An application, its consent step decided by the school ({@code decision} null: left open). */
    private long applied(TrainingFixture data, CurrentAccount teacher, Decision decision) {
        long id = trainings.apply(teacher, null, data.planOf(teacher.teacherId())).getId();
        if (decision != null) {
            tasks.decide(tasks.openTask(ExternalTrainingProcess.PROCESS_ID, String.valueOf(id)).orElseThrow().id(),
                    data.schoolAdmin, decision, decision == Decision.APPROVE ? null : "请补充");
        }
        return id;
    }

    private void asTheOldCodeLeftIt(long id, String oldStatus) {
        jdbc.update("UPDATE external_training SET status = ?, consented_at = NULL WHERE id = ?", oldStatus, id);
    }

    private String status(long id) {
        return jdbc.queryForObject("SELECT status FROM external_training WHERE id = ?", String.class, id);
    }

    /** Compared as JDBC reads it: Hibernate applies its own time zone. */
    private Timestamp consentedAt(long id) {
        return jdbc.queryForObject("SELECT consented_at FROM external_training WHERE id = ?", Timestamp.class, id);
    }

    private Timestamp consentLine(long id) {
        return jdbc.queryForObject("SELECT occurred_at FROM case_event WHERE process_key = ? AND case_id = ?"
                        + " AND task_key = 'UserTask_SchoolConsent' AND outcome = 'APPROVED'", Timestamp.class,
                ExternalTrainingProcess.PROCESS_ID, String.valueOf(id));
    }

    private static String[] statements(String resource) throws IOException {
        String sql = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("(?m)^\\s*--.*$", "");
        return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
