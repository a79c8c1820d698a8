package cn.shixun.annual;

import static cn.shixun.annual.AnnualFixture.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.TwoWorkers;
import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.BatchStarts;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A school's batch is a queue in the database (R-33 bulk, docs/adr/0008): a worker that stops
 * half-way leaves the rest pending for another node's worker, and two workers at once — two
 * nodes, as far as the database can tell — never start one teacher twice.
 */
@SpringBootTest
class AnnualBatchWorkersTest {

    @Autowired AnnualBatches batches;
    @Autowired AnnualBatchQueue queue;
    @Autowired BatchStarts starts;
    @Autowired AnnualRegistrations registrations;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired Ledger ledger;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;

    AnnualFixture kunming;

    @BeforeEach
    void setUp() {
        kunming = new AnnualFixture(organisations, teachers, accounts, ledger, "kunming-2015");
    }

    @Test
    void R33_aBatchLeftHalfWayByAStoppedWorkerIsFinishedByAnotherNodesWorker_noTeacherStartedTwice() {
        List<Teacher> staff = teachers(5);
        Long batchId = declaredNotStarted(staff);
        assertThat(batches.isRunning(batchId)).isTrue();

        starts.start(queue, batchId, 2); // node A's worker, stopped after two teachers
        AnnualBatches.Progress halfWay = batches.progress(batchId);
        assertThat(halfWay.items()).containsEntry(BatchItem.Outcome.STARTED, 2L)
                .containsEntry(BatchItem.Outcome.PENDING, 3L);
        assertThat(halfWay.finished()).isFalse();
        assertThat(batches.isRunning(batchId)).as("pending items show as running on every node").isTrue();

        starts.startPending(); // node B's worker round: no one pressed anything
        AnnualBatches.Progress done = batches.progress(batchId);
        assertThat(done.items()).containsOnlyKeys(BatchItem.Outcome.STARTED).containsEntry(BatchItem.Outcome.STARTED, 5L);
        assertThat(done.finished()).isTrue();
        assertThat(batches.isRunning(batchId)).isFalse();
        assertEveryTeacherStartedOnce(batchId, staff);
    }

    @Test
    void R33_twoWorkersAtOnceStartEveryTeacherOfTheBatchExactlyOnce() throws Exception {
        List<Teacher> staff = teachers(8);
        Long batchId = declaredNotStarted(staff);

        TwoWorkers.atOnce(() -> starts.startAll(queue, batchId));

        AnnualBatches.Progress done = batches.progress(batchId);
        assertThat(done.items()).as("none failed, none left").containsOnlyKeys(BatchItem.Outcome.STARTED)
                .containsEntry(BatchItem.Outcome.STARTED, 8L);
        assertThat(done.finished()).isTrue();
        assertEveryTeacherStartedOnce(batchId, staff);
    }

    private List<Teacher> teachers(int count) {
        List<Teacher> staff = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            staff.add(kunming.teacher());
        }
        return staff;
    }

    /** The batch as the node that took the declaration committed it, before it started anyone. */
    private Long declaredNotStarted(List<Teacher> staff) {
        Long schoolId = kunming.schools.countySchool.getId();
        jdbc.update("insert into annual_batch (school_id, reg_year, declared_by, created_at) values (?, ?, ?, ?)",
                schoolId, YEAR, kunming.schoolAdmin.username(), Timestamp.from(Instant.now()));
        Long batchId = jdbc.queryForObject("select id from annual_batch where school_id = ? and reg_year = ?",
                Long.class, schoolId, YEAR);
        for (Teacher teacher : staff) {
            jdbc.update("insert into annual_batch_item (batch_id, teacher_id, outcome) values (?, ?, 'PENDING')",
                    batchId, teacher.getId());
        }
        return batchId;
    }

    private void assertEveryTeacherStartedOnce(Long batchId, List<Teacher> staff) {
        for (Teacher teacher : staff) {
            assertThat(registrations.ofTeacher(teacher.getId())).as("registrations of teacher %s", teacher.getId())
                    .singleElement().satisfies(card -> {
                        assertThat(card.batchId()).isEqualTo(batchId);
                        assertThat(card.processInstanceId()).isNotNull();
                    });
        }
        assertThat(jdbc.queryForObject("select count(distinct process_instance_id) from annual_registration"
                + " where batch_id = ?", Long.class, batchId)).isEqualTo(staff.size());
        for (AnnualRegistration card : registrations.ofBatch(batchId)) {
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AnnualRegistrations.PROCESS_KEY)
                    .processInstanceBusinessKey(String.valueOf(card.getId())).count())
                    .as("process instances of registration %s", card.getId()).isEqualTo(1);
        }
    }
}
