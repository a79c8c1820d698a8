package cn.shixun.insight.bottlenecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.shixun.annual.AnnualRegistrations;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.exemption.DegreeExemption;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.Diploma;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessDate;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 管理看板's read model ({@code task_wait}, docs/adr/0013) as the engine reports real cases to it: one row per
 * task with its step, level, organisation, wait and outcome; closed by a cancellation, moved by a migration, marked
 * by an escalation. The engine's clock is set to known instants so that the waits are exact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shixun.demo-data.enabled=true")
class TaskWaitReadModelIT {

    private static final Instant T0 = Instant.parse("2026-09-01T01:00:00Z");
    private static final long DAY = Duration.ofDays(1).toSeconds();
    /** A Tuesday morning in Beijing, weeks before the other cases here and the demo's history. */
    private static final Instant SEASON = Instant.parse("2026-06-02T01:00:00Z");

    @Autowired DegreeExemptions exemptions;
    @Autowired EvidenceFiles evidence;
    @Autowired CaseTasks cases;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskWaits waits;
    @Autowired ClosedWeeks closedWeeks;
    @Autowired WeekClosing weekClosing;
    @Autowired RegistrationForecasts forecasts;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aCaseThroughSchoolAndCountyWithAReturn_givesOneRowPerTaskWithItsLevelOrganisationWaitAndOutcome() {
        CurrentAccount school = accounts.find("school.admin").orElseThrow();
        CurrentAccount county = accounts.find("county.reviewer").orElseThrow();
        CurrentAccount teacher = accounts.find("teacher").orElseThrow();
        at(0);
        DegreeExemption applied = apply();
        at(2);
        decide(applied, school, Decision.APPROVE);
        at(5);
        decide(applied, county, Decision.RETURN);
        at(6);
        exemptions.amend(applied.getId(), teacher, diploma(teacher.teacherId()));
        at(7);
        decide(applied, school, Decision.APPROVE);
        at(11);
        decide(applied, county, Decision.REJECT);

        long schoolId = organisations.findByCode("4101050001").orElseThrow().getId();
        long countyId = organisations.findByCode("410105").orElseThrow().getId();
        assertThat(rows(applied.processInstanceId())).extracting(row -> row.get("TASK_KEY"), row -> row.get("LEVEL"),
                row -> row.get("ORGANISATION_ID"), row -> row.get("WAIT_SECONDS"), row -> row.get("OUTCOME"),
                row -> row.get("FIRST_OF_CASE")).containsExactly(
                tuple("UserTask_SchoolReview", "SCHOOL", schoolId, 2 * DAY, "APPROVED", true),
                tuple("UserTask_AuthorityReview", "COUNTY", countyId, 3 * DAY, "RETURNED", false),
                tuple("UserTask_Amend", "APPLICANT", schoolId, DAY, "SUBMITTED", false),
                tuple("UserTask_SchoolReview", "SCHOOL", schoolId, DAY, "APPROVED", false),
                tuple("UserTask_AuthorityReview", "COUNTY", countyId, 4 * DAY, "REJECTED", false));
        assertThat(rows(applied.processInstanceId())).allSatisfy(row -> {
            assertThat(row.get("CASE_ID")).isEqualTo(String.valueOf(applied.getId()));
            assertThat(row.get("ESCALATED")).isEqualTo(false);
            assertThat((String) row.get("ORGANISATION_PATH")).startsWith(organisations.find(countyId).orElseThrow().path());
        });

        // Data from before the read model: the backfill (V191) writes the same rows from the engine's history.
        List<Map<String, Object>> live = rows(applied.processInstanceId());
        jdbc.update("DELETE FROM task_wait WHERE process_instance_id = ?", applied.processInstanceId());
        assertThat(V191__TaskWaitBackfill.fill(jdbc)).isEqualTo(live.size());
        assertThat(rows(applied.processInstanceId())).isEqualTo(live);
    }

    @Test
    void aCancelledCase_closesItsOpenTaskAsCancelled() {
        DegreeExemption applied = apply();
        runtime.deleteProcessInstance(applied.processInstanceId(), "withdrawn in a test");

        assertThat(rows(applied.processInstanceId())).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED");
            assertThat(row.get("ENDED_AT")).isNotNull();
        });
    }

    @Test
    void aMigratedTask_namesItsNewStep_andAnEscalationMarksIt() {
        DegreeExemption applied = apply();
        String definition = runtime.createProcessInstanceQuery().processInstanceId(applied.processInstanceId())
                .singleResult().getProcessDefinitionId();
        MigrationPlan plan = runtime.createMigrationPlan(definition, definition)
                .mapActivities("UserTask_SchoolReview", "UserTask_AuthorityReview").build();
        runtime.newMigration(plan).processInstanceIds(applied.processInstanceId()).execute();
        String taskId = taskService.createTaskQuery().processInstanceId(applied.processInstanceId()).singleResult().getId();
        taskService.addCandidateGroup(taskId, "city-reviewer:410100");

        assertThat(rows(applied.processInstanceId())).singleElement().satisfies(row -> {
            assertThat(row.get("TASK_KEY")).isEqualTo("UserTask_AuthorityReview");
            assertThat(row.get("STEP_NAME")).isEqualTo("登记机构审核");
            assertThat(row.get("ENDED_AT")).as("still open").isNull();
            assertThat(row.get("ESCALATED")).isEqualTo(true);
        });
        runtime.deleteProcessInstance(applied.processInstanceId(), "test done");
    }

    @Test
    void theWeeklyThroughput_readFromClosedWeeks_equalsTheCountsFromTheRows_andABackDatedCaseReopensItsWeeks() {
        String county = organisations.findByCode("410105").orElseThrow().path();
        String province = organisations.find(organisations.findByCode("410105").orElseThrow().parentId())
                .flatMap(city -> organisations.find(city.parentId())).orElseThrow().path();
        LocalDate from = Weeks.of(SEASON);
        LocalDate to = from.plusWeeks(5).minusDays(1);
        LocalDate thisWeek = Weeks.of(Instant.now());
        List<TaskWaits.Week> before = waits.throughput(county, from, to, thisWeek);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_wait_week_closed WHERE week BETWEEN ? AND ?",
                Integer.class, from, to)).as("the five weeks are closed by the read").isEqualTo(5);

        // A case over four weeks, written with the engine's clock set back into the closed weeks.
        CurrentAccount school = accounts.find("school.admin").orElseThrow();
        CurrentAccount reviewer = accounts.find("county.reviewer").orElseThrow();
        CurrentAccount teacher = accounts.find("teacher").orElseThrow();
        inSeason(0);
        DegreeExemption applied = apply();
        inSeason(2);
        decide(applied, school, Decision.APPROVE);
        inSeason(9);
        decide(applied, reviewer, Decision.RETURN);
        inSeason(10);
        exemptions.amend(applied.getId(), teacher, diploma(teacher.teacherId()));
        inSeason(16);
        decide(applied, school, Decision.APPROVE);
        inSeason(23);
        decide(applied, reviewer, Decision.REJECT);
        ClockUtil.reset();

        List<TaskWaits.Week> after = waits.throughput(county, from, to, thisWeek);
        assertThat(after).isEqualTo(counted(county, from, to));
        assertThat(shown(waits.waits(county, from, to, thisWeek))).as("the waits of the weeks closed again")
                .isEqualTo(shown(readFromTheRows(county, from, to))).anyMatch(step -> step.contains("RETURNED 1"));
        assertThat(waits.throughput(county, from, to, thisWeek)).as("read again, from the weeks closed again")
                .isEqualTo(after);
        assertThat(waits.throughput(province, from, to, thisWeek)).isEqualTo(counted(province, from, to));
        // Started, approved, returned, rejected added per week by the case.
        long[][] added = {{1, 1, 0, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}, {0, 0, 0, 0}};
        for (int week = 0; week < 5; week++) {
            TaskWaits.Week was = before.get(week);
            TaskWaits.Week is = after.get(week);
            assertThat(new long[] {is.started() - was.started(), is.approved() - was.approved(),
                    is.returned() - was.returned(), is.rejected() - was.rejected()}).as("week %d", week)
                    .containsExactly(added[week]);
        }
    }

    @Test
    void aWeekClosedByTwoReadersAtOnce_isCountedOnce() throws Exception {
        String county = organisations.findByCode("410105").orElseThrow().path();
        inSeason(37);
        DegreeExemption applied = apply();
        inSeason(38);
        decide(applied, accounts.find("school.admin").orElseThrow(), Decision.APPROVE);
        ClockUtil.reset();
        LocalDate week = Weeks.of(SEASON.plus(Duration.ofDays(37)));
        ClosedWeeks.reopen(jdbc, week);

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> closing = List.of(two.submit(() -> awaitAndClose(go, week)),
                    two.submit(() -> awaitAndClose(go, week)));
            go.countDown();
            for (Future<?> close : closing) {
                close.get(30, TimeUnit.SECONDS);
            }
        } finally {
            two.shutdownNow();
        }
        closedWeeks.close(week);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_wait_week_closed WHERE week = ?", Integer.class, week))
                .isEqualTo(1);
        assertThat(closedWeeks.counts(county, List.of(week))).containsOnlyKeys(week);
        assertThat(waits.throughput(county, week, week.plusDays(6), Weeks.of(Instant.now())))
                .isEqualTo(counted(county, week, week.plusDays(6)))
                .singleElement().satisfies(counts -> assertThat(counts.started()).isPositive());
    }

    @Test
    void theForecast_countsARegistrationCaseWithTwoOpenTasksOnce() {
        Organisation county = organisations.findByCode("410105").orElseThrow();
        String school = organisations.findByCode("4101050001").orElseThrow().path();
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, BusinessDate.ZONE);
        long before = openCasesOf(county, now, today);
        String instance = "forecast-" + System.nanoTime();
        try {
            for (String task : List.of("a", "b")) {
                // A parallel or escalated registration: two tasks of one case open at once.
                jdbc.update("INSERT INTO task_wait (task_id, process_instance_id, process_key, case_id, task_key,"
                                + " step_name, level, organisation_id, organisation_path, first_of_case, created_at,"
                                + " created_week, escalated) VALUES (?, ?, ?, ?, 'UserTask_SchoolReview', '学校审核',"
                                + " 'SCHOOL', NULL, ?, FALSE, ?, ?, FALSE)", instance + task, instance,
                        AnnualRegistrations.PROCESS_KEY, instance, school, java.sql.Timestamp.from(now),
                        Weeks.of(now));
            }
            assertThat(openCasesOf(county, now, today) - before).isEqualTo(1);
        } finally {
            jdbc.update("DELETE FROM task_wait WHERE process_instance_id = ?", instance);
        }
    }

    private long openCasesOf(Organisation county, Instant now, LocalDate today) {
        return forecasts.counties(county.path(), now, today).stream()
                .filter(forecast -> forecast.id().equals(county.getId())).findFirst().orElseThrow().open();
    }

    private void awaitAndClose(CountDownLatch go, LocalDate week) {
        try {
            go.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        }
        closedWeeks.close(week);
    }

    @Test
    void theWaitsOfClosedWeeks_readFromTheirHistograms_showTheSameFiguresAsTheWaitsReadOneByOne() {
        LocalDate thisWeek = Weeks.of(Instant.now());
        LocalDate from = thisWeek.minusWeeks(12);
        LocalDate to = thisWeek.minusDays(1);
        Organisation county = organisations.findByCode("410105").orElseThrow();
        String province = organisations.find(county.parentId()).flatMap(city -> organisations.find(city.parentId()))
                .orElseThrow().path();
        for (String scope : List.of(province, county.path())) {
            List<String> fromTheRows = shown(readFromTheRows(scope, from, to));
            List<String> fromTheHistograms = shown(waits.waits(scope, from, to, thisWeek));

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_wait_week_step WHERE week BETWEEN ? AND ?"
                    + " AND scope_path = ?", Integer.class, from, to, scope)).as("read from the histograms").isPositive();
            assertThat(fromTheHistograms).as(scope).isEqualTo(fromTheRows)
                    .as("the demo's weeks of waits").anyMatch(line -> line.startsWith("step"))
                    .anyMatch(line -> line.startsWith("organisation"));
        }
    }

    @Test
    void theWeekClosingJob_closesLastWeekFirst_oneWeekARound_asAReaderWould() {
        LocalDate thisWeek = Weeks.of(Instant.now());
        LocalDate lastWeek = thisWeek.minusWeeks(1);
        ClosedWeeks.reopen(jdbc, lastWeek);
        ClosedWeeks.reopen(jdbc, lastWeek.minusWeeks(1));

        assertThat(weekClosing.closeOne(thisWeek)).contains(lastWeek);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_wait_week_closed WHERE week = ?", Integer.class,
                lastWeek.minusWeeks(1))).as("one week a round").isZero();
        assertThat(weekClosing.closeOne(thisWeek)).contains(lastWeek.minusWeeks(1));

        String province = organisations.find(organisations.findByCode("410105").orElseThrow().parentId())
                .flatMap(city -> organisations.find(city.parentId())).orElseThrow().path();
        LocalDate from = lastWeek.minusWeeks(1);
        assertThat(waits.throughput(province, from, thisWeek.minusDays(1), thisWeek))
                .isEqualTo(counted(province, from, thisWeek.minusDays(1)));
        assertThat(shown(waits.waits(province, from, thisWeek.minusDays(1), thisWeek)))
                .isEqualTo(shown(readFromTheRows(province, from, thisWeek.minusDays(1))));
    }

    /** The waits between the days read wait by wait: as if every week were this week's, so that none is closed. */
    private TaskWaits.Waits readFromTheRows(String scope, LocalDate from, LocalDate to) {
        return waits.waits(scope, from, to, Weeks.of(from));
    }

    /** The twelve weeks' figures as the page shows them, per step and per organisation, in a stable order. */
    private static List<String> shown(TaskWaits.Waits found) {
        Locale chinese = Locale.SIMPLIFIED_CHINESE;
        Function<WaitStats, String> text = stats -> stats.count() + " 件，中位 "
                + Durations.text(stats.median(), chinese) + "，90% " + Durations.text(stats.p90(), chinese)
                + "，最长 " + Durations.text(stats.max(), chinese);
        return Stream.concat(
                found.steps().stream().map(step -> "step " + step.processKey() + "/" + step.taskKey() + " "
                        + step.stepName() + ": " + text.apply(step.range()) + ", RETURNED " + step.returned()
                        + " of " + step.decided()),
                found.organisations().stream().map(organisation -> "organisation " + organisation.organisationId()
                        + ": " + text.apply(organisation.range()))).sorted().toList();
    }

    /** The throughput counted from task_wait's rows alone. */
    private List<TaskWaits.Week> counted(String scope, LocalDate from, LocalDate to) {
        return waits.counted(scope, from, to).entrySet().stream().map(week -> new TaskWaits.Week(week.getKey(),
                week.getValue()[0], week.getValue()[1], week.getValue()[2], week.getValue()[3])).toList();
    }

    private void inSeason(int day) {
        ClockUtil.setCurrentTime(Date.from(SEASON.plusSeconds(day * DAY)));
    }

    private void at(int day) {
        ClockUtil.setCurrentTime(Date.from(T0.plusSeconds(day * DAY)));
    }

    private DegreeExemption apply() {
        Teacher teacher = teachers.findByStaffNumber("4101050001001").orElseThrow();
        return exemptions.apply(teacher.getId(), "teacher", diploma(teacher.getId()));
    }

    private Diploma diploma(Long teacherId) {
        return new Diploma("郑州大学", DegreeLevel.BACHELOR, "小学教育", true, LocalDate.of(2021, 9, 1),
                LocalDate.of(2024, 6, 30), "WAIT-" + System.nanoTime(), StoredEvidence.of(evidence, teacherId));
    }

    private void decide(DegreeExemption exemption, CurrentAccount account, Decision decision) {
        cases.decide(exemptions.openTask(exemption.getId()).orElseThrow().id(), account, decision,
                decision == Decision.APPROVE ? null : "测试：请补充材料");
    }

    private List<Map<String, Object>> rows(String processInstanceId) {
        return jdbc.queryForList("SELECT * FROM task_wait WHERE process_instance_id = ? ORDER BY created_at, task_id",
                processInstanceId);
    }
}
