package cn.shixun.insight.completion;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored current results never show a stale figure as current: a credit, a withdrawal,
 * a transfer and a leaving post each show in the next view of the table at once, though the
 * school's figures were stored by the view before; the pending-work job recomputes a stale row;
 * two recomputations of one school at once leave one row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shixun.demo-data.enabled=true")
class R38StoredCompletionIT {

    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Ledger ledger;
    @Autowired CompletionTables tables;
    @Autowired CurrentStore store;
    @Autowired CurrentCompletion current;
    @Autowired CompletionRefresh refresh;
    @Autowired PolicyProfiles profiles;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    CompletionFixture fixture;
    CompletionView lastYear;
    CompletionView thisYear;

    @BeforeEach
    void setUp() {
        fixture = new CompletionFixture(organisations, teachers, ledger);
        LocalDate today = LocalDate.now(clock);
        lastYear = CompletionView.of("2025", "YEAR", today);
        thisYear = CompletionView.of(null, "YEAR", today);
    }

    /** The school's figures in the county's table, as a viewer gets them. */
    private Figures viewed(CompletionFixture.School school, CompletionView view) {
        return tables.table(fixture.wuhua(), view, false).rows().stream()
                .filter(row -> row.organisationId().equals(school.organisation().getId())).findFirst().orElseThrow()
                .figures();
    }

    private boolean storedAndCurrent(CompletionFixture.School school, CompletionView view) {
        CurrentStore.Stored row = store.read(view.basis(), view.year(), List.of(school.organisation().getId()))
                .get(school.organisation().getId());
        return row != null && row.currentFor(view.asOf(), profiles.revision());
    }

    @Test
    void r38_aCreditShowsInTheNextViewAtOnce() {
        CompletionFixture.School school = fixture.school("5301029301", 9, 1);
        assertThat(viewed(school, lastYear).shortCount()).isEqualTo(1);
        assertThat(storedAndCurrent(school, lastYear)).as("kept by the first view").isTrue();

        fixture.credit(school.lastShort(), LocalDate.of(2025, 12, 20), "32", "LATE-5301029301");

        assertThat(storedAndCurrent(school, lastYear)).as("marked by the credit's transaction").isFalse();
        assertThat(viewed(school, lastYear).shortCount()).isZero();
        assertThat(storedAndCurrent(school, lastYear)).isTrue();
    }

    @Test
    void r38_aWithdrawalShowsInTheNextViewAtOnce() {
        CompletionFixture.School school = fixture.school("5301029302", 9, 1);
        assertThat(viewed(school, lastYear).shortCount()).isEqualTo(1);
        assertThat(storedAndCurrent(school, lastYear)).isTrue();
        Teacher met = school.teachers().get(0);

        ledger.correct(ledger.entriesOf(met.getId()).get(0).getId(), "证书有误，撤回学时", null, null, "test");

        Figures after = viewed(school, lastYear);
        assertThat(after.shortCount()).isEqualTo(2);
        assertThat(after.met()).isEqualTo(8);
    }

    @Test
    void r37_r38_aTransferShowsInTheNextViewOfBothSchoolsAtOnce() {
        CompletionFixture.School from = fixture.school("5301029303", 3, 0);
        CompletionFixture.School to = fixture.school("5301029304", 2, 0);
        assertThat(viewed(from, thisYear).counted()).isEqualTo(3);
        assertThat(viewed(to, thisYear).counted()).isEqualTo(2);
        assertThat(storedAndCurrent(from, thisYear) && storedAndCurrent(to, thisYear)).isTrue();

        teachers.transfer(from.teachers().get(0).getId(), to.organisation().getId(), LocalDate.of(2026, 3, 1), "test");

        assertThat(viewed(from, thisYear).counted()).isEqualTo(2);
        assertThat(viewed(to, thisYear).counted()).isEqualTo(3);
    }

    @Test
    void r38_aTeacherLeavingPostShowsInTheNextViewAtOnce() {
        CompletionFixture.School school = fixture.school("5301029305", 4, 0);
        Figures before = viewed(school, thisYear);
        assertThat(before.counted()).isEqualTo(4);
        assertThat(storedAndCurrent(school, thisYear)).isTrue();

        teachers.leavePost(school.teachers().get(1).getId(), LocalDate.of(2026, 9, 1));

        Figures after = viewed(school, thisYear);
        assertThat(after.counted()).isEqualTo(3);
        assertThat(after.notCounted()).isEqualTo(before.notCounted() + 1);
    }

    @Test
    void r38_thePendingWorkJobRecomputesAStaleRowBeforeAnyoneViewsIt() {
        CompletionFixture.School school = fixture.school("5301029306", 9, 1);
        viewed(school, lastYear);
        fixture.credit(school.lastShort(), LocalDate.of(2025, 12, 20), "32", "LATE-5301029306");
        assertThat(storedAndCurrent(school, lastYear)).isFalse();

        // Changed rows come first in a round; other tests' rows and schools without rows may share it.
        for (int round = 0; round < 20 && !storedAndCurrent(school, lastYear); round++) {
            refresh.refreshRound();
        }

        assertThat(storedAndCurrent(school, lastYear)).isTrue();
        assertThat(store.read(Basis.YEAR, 2025, List.of(school.organisation().getId()))
                .get(school.organisation().getId()).figures().shortCount()).isZero();
    }

    @Test
    void r38_twoRecomputationsOfOneSchoolAtOnceWriteOneRow() throws Exception {
        CompletionFixture.School school = fixture.school("5301029307", 3, 1);
        Long schoolId = school.organisation().getId();
        CompletionView cycle = CompletionView.of("2025", "CYCLE", LocalDate.now(clock));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(two.submit(() -> {
                    start.await();
                    return transactions.execute(tx -> current.refresh(schoolId, cycle));
                }));
            }
            start.countDown();
            for (Future<Boolean> one : both) {
                one.get(60, TimeUnit.SECONDS);
            }
        } finally {
            two.shutdown();
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM completion_current WHERE school_id = ? AND basis = 'CYCLE'"
                + " AND period_year = 2025", Integer.class, schoolId)).isEqualTo(1);
        assertThat(store.read(Basis.CYCLE, 2025, List.of(schoolId)).get(schoolId)
                .currentFor(cycle.asOf(), profiles.revision())).isTrue();
    }
}
