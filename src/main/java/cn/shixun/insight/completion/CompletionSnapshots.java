package cn.shixun.insight.completion;

import cn.shixun.shared.BusinessRuleException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Year-end snapshots: each school's result for a finished year, computed from the ledger
 * as of 31 December and written once. Each school in a transaction of its own; a school that
 * already has one (taken earlier, or by another node at the same moment: the unique key) is left
 * as it is, so taking a year again changes nothing.
 */
@Service
class CompletionSnapshots {

    private static final Logger log = LoggerFactory.getLogger(CompletionSnapshots.class);

    /** How a request to take a year's snapshots ended. */
    record Taken(int year, int taken, int alreadyThere) {
    }

    private final LiveCompletion live;
    private final SnapshotStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CompletionSnapshots(LiveCompletion live, SnapshotStore store, TransactionTemplate transactions, Clock clock) {
        this.live = live;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Takes the snapshot of {@code year} for each of the schools that has none; refused for a year not yet over. */
    Taken take(int year, List<Long> schoolIds, String takenBy) {
        if (year >= LocalDate.now(clock).getYear()) {
            throw BusinessRuleException.violation("R-38", "year", "completion.snapshot-year-not-over", year);
        }
        Set<Long> there = new HashSet<>(store.taken(year));
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        int taken = 0;
        for (Long schoolId : schoolIds) {
            if (there.contains(schoolId)) {
                continue;
            }
            SchoolResult result = live.fresh(schoolId, Basis.YEAR, yearEnd);
            try {
                transactions.executeWithoutResult(tx -> store.insert(year, result, Instant.now(clock), takenBy));
                taken++;
            } catch (DuplicateKeyException anotherNode) {
                there.add(schoolId);
            }
        }
        log.info("Completion snapshot of {}: {} schools taken, {} already there", year, taken,
                schoolIds.size() - taken);
        return new Taken(year, taken, schoolIds.size() - taken);
    }
}
