package cn.shixun.cycleverification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.cycleverification.process.CycleVerificationProcess;
import cn.shixun.TwoWorkers;
import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.BatchStarts;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A school's cycle-verification batch is a queue of process starts in the database (R-34,
 * docs/adr/0008): a worker that stops half-way leaves the rest for another node's worker, and
 * two workers at once never start one teacher's verification twice.
 */
@SpringBootTest
class CycleVerificationWorkersTest {

    @Autowired Clock clock;
    @Autowired CycleVerifications verifications;
    @Autowired VerificationBatches batches;
    @Autowired VerificationQueue queue;
    @Autowired BatchStarts starts;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired Ledger ledger;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;

    VerificationFixture data;

    @BeforeEach
    void setUp() {
        data = new VerificationFixture(organisations, teachers, accounts, ledger, LocalDate.now(clock));
    }

    @Test
    void R34_aBatchLeftHalfWayByAStoppedWorkerIsFinishedByAnotherNodesWorker() {
        Long batchId = declaredNotStarted(4);
        assertThat(batches.isRunning(batchId)).isTrue();

        starts.start(queue, batchId, 1); // node A's worker, stopped after one teacher
        assertThat(verifications.ofBatch(batchId)).filteredOn(v -> v.processInstanceId() != null).hasSize(1);
        assertThat(batches.isRunning(batchId)).as("pending starts show as running on every node").isTrue();

        starts.startPending(); // node B's worker round: no one pressed anything
        assertThat(batches.isRunning(batchId)).isFalse();
        assertEveryVerificationStartedOnce(batchId, 4);
    }

    @Test
    void R34_twoWorkersAtOnceStartEveryVerificationOfTheBatchExactlyOnce() throws Exception {
        Long batchId = declaredNotStarted(6);

        TwoWorkers.atOnce(() -> starts.startAll(queue, batchId));

        assertThat(verifications.ofBatch(batchId)).as("no start failed").allMatch(v -> v.startFailure() == null);
        assertEveryVerificationStartedOnce(batchId, 6);
    }

    /** A declared batch as the node that took it committed it, before it started any process. */
    private Long declaredNotStarted(int count) {
        List<Teacher> staff = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            staff.add(data.completeTeacher());
        }
        VerificationDeclarations.Declared declared = batches.declare(data.schoolAdmin,
                data.declare(staff.toArray(Teacher[]::new)));
        for (CycleVerification verification : declared.verifications()) {
            runtime.deleteProcessInstance(verification.processInstanceId(), "test: node stopped before starting");
        }
        jdbc.update("update cycle_verification set process_instance_id = null where batch_id = ?",
                declared.batch().getId());
        jdbc.update("delete from case_event where process_key = ? and case_id in (select concat('', id) from"
                + " cycle_verification where batch_id = ?)", CycleVerifications.PROCESS, declared.batch().getId());
        return declared.batch().getId();
    }

    private void assertEveryVerificationStartedOnce(Long batchId, int count) {
        List<CycleVerification> batch = verifications.ofBatch(batchId);
        assertThat(batch).hasSize(count).allMatch(v -> v.processInstanceId() != null);
        for (CycleVerification verification : batch) {
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CycleVerificationProcess.PROCESS_ID)
                    .processInstanceBusinessKey(String.valueOf(verification.getId())).count())
                    .as("process instances of verification %s", verification.getId()).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from case_event where process_key = ? and case_id = ?"
                    + " and outcome = 'SUBMITTED'", Long.class, CycleVerifications.PROCESS,
                    String.valueOf(verification.getId()))).as("one declaration line in the history").isEqualTo(1);
        }
    }
}
