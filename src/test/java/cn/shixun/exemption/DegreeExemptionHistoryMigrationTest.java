package cn.shixun.exemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migration that moves the old {@code degree_exemption_event} rows (a developer's H2 file
 * database has them) into the shared case history and drops the table, run against this
 * test's database (H2 here, MariaDB in the IT subclass): the old table is rebuilt from V30's own
 * DDL, filled as the old code did, and the migration script run on it.
 */
@SpringBootTest
class DegreeExemptionHistoryMigrationTest {

    private static final String V30 = "db/migration/V30__degree_exemption.sql";
    private static final String MIGRATION = "db/migration/V40_1__degree_exemption_history_to_case_event.sql";

    @Autowired JdbcTemplate jdbc;
    @Autowired EvidenceFiles evidence;
    @Autowired DegreeExemptions exemptions;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;

    @Test
    void R40_theOldHistoryBecomesCaseHistoryWithNothingLost_andTheOldTableIsGone() throws IOException {
        assertThat(oldTableExists()).as("Flyway ran the migration on this database").isFalse();
        ExemptionFixture data = new ExemptionFixture(organisations, teachers, accounts, evidence, "henan-2016");
        Teacher teacher = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        DegreeExemption exemption = exemptions.apply(teacher.getId(), data.usernameOf(teacher),
                data.diplomaOf(teacher.getId()));
        long id = exemption.getId();
        int before = exemptions.history(id).size();

        for (String statement : statements(V30)) {
            if (statement.contains("degree_exemption_event")) {
                jdbc.execute(statement);
            }
        }
        Timestamp at = Timestamp.from(Instant.parse("2025-03-01T02:00:00Z"));
        String insert = "INSERT INTO degree_exemption_event (exemption_id, step, outcome, comment, actor, occurred_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        jdbc.update(insert, id, "SCHOOL_REVIEW", "RETURN", "证书不清晰", "school.admin", at);
        jdbc.update(insert, id, "AMENDMENT", "RESUBMITTED", "原材料：旧证书", "teacher", at);
        jdbc.update(insert, id, "DEADLINE", "OVERDUE", "学校审核超过办理期限", "system", at);
        jdbc.update(insert, id, "AUTHORITY_REVIEW", "APPROVE", null, "county.reviewer", at);
        jdbc.update(insert, id, "CREDIT", "REGISTERED", "360 学时", "system", at);

        for (String statement : statements(MIGRATION)) {
            jdbc.execute(statement);
        }

        assertThat(oldTableExists()).isFalse();
        assertThat(exemptions.history(id).subList(before, before + 5)).extracting(CaseEvent::taskKey,
                CaseEvent::step, CaseEvent::outcome, CaseEvent::comment, CaseEvent::actor).containsExactly(
                tuple("UserTask_SchoolReview", "学校审核", CaseOutcome.RETURNED, "证书不清晰", "school.admin"),
                tuple("UserTask_Amend", "修改申请材料", CaseOutcome.RESUBMITTED, "原材料：旧证书", "teacher"),
                tuple(null, "办理期限", CaseOutcome.OVERDUE, "学校审核超过办理期限", "system"),
                tuple("UserTask_AuthorityReview", "登记机构审核", CaseOutcome.APPROVED, null, "county.reviewer"),
                tuple("ServiceTask_CreditHours", "登记免修学时", CaseOutcome.COMPLETED, "360 学时", "system"));
        // The time is copied as stored (compared as JDBC reads it: Hibernate applies its own time zone).
        assertThat(jdbc.queryForList("SELECT occurred_at FROM case_event WHERE process_key = 'degreeExemption'"
                + " AND case_id = ? ORDER BY id", Timestamp.class, String.valueOf(id)).subList(before, before + 5))
                .containsOnly(at);
    }

    private boolean oldTableExists() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE LOWER(table_name) = 'degree_exemption_event'", Long.class) > 0;
    }

    private static String[] statements(String resource) throws IOException {
        String sql = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("(?m)^\\s*--.*$", "");
        return Arrays.stream(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
