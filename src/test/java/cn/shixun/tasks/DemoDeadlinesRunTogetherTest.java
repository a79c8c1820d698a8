package cn.shixun.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo as {@code mvn spring-boot:run} starts it: the procedures' cases in flight, declared as
 * of deadlines already past, and the job executor on, so that their reminder and escalation
 * timers fire at once, side by side on the executor's threads. Each must find the task its timer
 * is on and write its line in the case history; none may fail into an incident. (They once read
 * the task from the BPMN model API's shared DOM, whose element cache is not safe under threads
 * side by side: the demo's reminders failed into incidents a minute after every start.)
 */
@SpringBootTest(properties = {"shixun.demo-data.enabled=true", "shixun.demo-data.cases-in-flight=true",
        "camunda.bpm.job-execution.enabled=true", "camunda.bpm.process-engine-name=demoDeadlines",
        // After the year's declaration deadline: the demo declares its schools as on the deadline,
        // so their reviews' reminders are due while the demo is still being written.
        "shixun.clock.fixed=2026-12-31T10:00+08:00"})
class DemoDeadlinesRunTogetherTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService engineHistory;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theDemosDueRemindersAndEscalationsRunSideBySideOnTheJobExecutor_eachWritesItsLineAndNoneFails()
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (management.createJobQuery().timers().executable().count() > 0 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
        }
        assertThat(management.createJobQuery().timers().executable().count())
                .as("the job executor ran every due timer within %s", PATIENCE).isZero();
        assertThat(runtime.createIncidentQuery().list()).as("incidents").isEmpty();
        assertThat(management.createJobQuery().withException().list()).as("failed jobs").isEmpty();

        long fired = engineHistory.createHistoricJobLogQuery().successLog().list().stream()
                .filter(log -> log.getJobDefinitionConfiguration() != null
                        && log.getJobDefinitionConfiguration().matches("DATE: (remindBefore|dueDate).*"))
                .count();
        assertThat(fired).as("the demo's reminders and escalations that ran").isGreaterThanOrEqualTo(3);
        Integer lines = jdbc.queryForObject("SELECT COUNT(*) FROM case_event WHERE outcome IN ('REMINDED', 'OVERDUE', 'ESCALATED')",
                Integer.class);
        assertThat(lines).as("one line in the case history per deadline that fired").isEqualTo((int) fired);
    }
}
