package cn.shixun.insight.completion;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.bench.LedgerStatusBenchmark;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13's target for the completion tables: a county's first view well under a second,
 * a city's usable. On the ledger benchmark's data (one city of 10 counties, 20 schools of 500
 * teachers each, 30 entries a teacher: a county is 10,000 teachers, the city 100,000), each table
 * viewed first with nothing stored (every school computed from the ledger: what a view after
 * changes to every school costs), then after the pending-work job stored every school ahead of
 * viewers (the first view reads rows), and once more.
 *
 * <p>Run: {@code mvn -Pbench test -Dtest=CompletionBenchmark} (see bench/README.md).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:file:./target/bench/ledger-status;DB_CLOSE_ON_EXIT=FALSE",
        "shixun.demo-data.enabled=false", "shixun.completion.snapshot-job=false"})
class CompletionBenchmark {

    static final double TARGET_COUNTY_MILLIS = 1_000;

    @Autowired JdbcTemplate jdbc;
    @Autowired Organisations organisations;
    @Autowired CompletionTables tables;
    @Autowired CompletionRefresh refresh;
    @Autowired Clock clock;

    @Test
    void aCountysFirstViewAnswersWellUnderASecond() throws IOException {
        LedgerStatusBenchmark.loadIfEmpty(jdbc, organisations);
        // As of the tests' business day: the day the job stores results for.
        CompletionView view = CompletionView.of(null, Basis.CYCLE.name(), LocalDate.now(clock));
        Organisation county = organisations.findByCode("419101").orElseThrow();
        Organisation city = organisations.findByCode("419100").orElseThrow();
        // A first county warms the JVM and the decision-table caches; it is not one of those measured.
        tables.table(organisations.findByCode("419110").orElseThrow(), view, false);

        forgetStored();
        Timed<CompletionTable> countyNothingStored = timed(() -> tables.table(county, view, false));
        forgetStored();
        Timed<CompletionTable> cityNothingStored = timed(() -> tables.table(city, view, false));
        forgetStored();

        long started = System.nanoTime();
        int rounds = 0;
        int written = 0;
        for (int round = refresh.refreshRound(); round > 0; round = refresh.refreshRound()) {
            rounds++;
            written += round;
        }
        double jobMillis = millisSince(started);

        Timed<CompletionTable> countyStored = timed(() -> tables.table(county, view, false));
        Timed<CompletionTable> cityStored = timed(() -> tables.table(city, view, false));
        Timed<CompletionTable> countyAgain = timed(() -> tables.table(county, view, false));
        Timed<CompletionTable> cityAgain = timed(() -> tables.table(city, view, false));

        CompletionTable countyTable = countyStored.value();
        CompletionTable cityTable = cityStored.value();
        assertThat(countyTable.total()).isEqualTo(countyNothingStored.value().total());
        assertThat(cityTable.total()).isEqualTo(cityNothingStored.value().total());
        String report = """
                ## Completion tables (%s)

                | table | schools | teachers counted / not counted | first view, nothing stored (computed from the ledger) | first view, every school stored by the job | again |
                |---|---|---|---|---|---|
                | county 419101 | %d | %,d / %,d | %.0f ms | %.1f ms | %.1f ms |
                | city 419100 | %d | %,d / %,d | %.0f ms | %.1f ms | %.1f ms |

                The job (`CompletionRefresh`, %d rounds of at most %d): %,d results written (every school, both bases) in %.0f ms.
                Machine: %d cores, JVM %s, max heap %d MiB; H2 file database; basis CYCLE, as of %s.
                """.formatted(LocalDateTime.now().withNano(0), countyTable.schools(), countyTable.total().counted(),
                countyTable.total().notCounted(), countyNothingStored.millis(), countyStored.millis(),
                countyAgain.millis(), cityTable.schools(), cityTable.total().counted(), cityTable.total().notCounted(),
                cityNothingStored.millis(), cityStored.millis(), cityAgain.millis(), rounds, CompletionRefresh.ROUND,
                written, jobMillis, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), view.asOf());
        System.out.println(report);
        Path results = Path.of("bench", "results", "completion.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, report);

        assertThat(countyStored.millis()).as("a county's first view after the job, ms").isLessThan(TARGET_COUNTY_MILLIS);
    }

    private record Timed<T>(T value, double millis) {
    }

    private static <T> Timed<T> timed(Supplier<T> work) {
        long started = System.nanoTime();
        T value = work.get();
        return new Timed<>(value, millisSince(started));
    }

    private void forgetStored() {
        jdbc.update("DELETE FROM completion_current");
    }

    private static double millisSince(long started) {
        return (System.nanoTime() - started) / 1e6;
    }
}
