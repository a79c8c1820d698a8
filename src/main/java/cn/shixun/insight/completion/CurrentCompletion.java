package cn.shixun.insight.completion;

import cn.shixun.policy.PolicyProfiles;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current result of schools through the stored rows ({@link CurrentStore}): a school
 * whose row answers for the view is read, any other is computed from the ledger now and kept.
 *
 * <p>Never a stale figure as current: the school's change count and the policy revision are read
 * before the ledger is, and kept with the result. A write that commits while the result is being
 * computed has raised the count past the one kept, so the row is out of date the moment it is
 * written, and the next view computes the school again.
 */
@Service
class CurrentCompletion {

    private static final Logger log = LoggerFactory.getLogger(CurrentCompletion.class);

    private final CurrentStore store;
    private final LiveCompletion live;
    private final PolicyProfiles profiles;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CurrentCompletion(CurrentStore store, LiveCompletion live, PolicyProfiles profiles, TransactionTemplate transactions,
                      Clock clock) {
        this.store = store;
        this.live = live;
        this.profiles = profiles;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The figures of each school for the view, by school id: stored where current, else computed and kept. */
    Map<Long, SchoolResult> figures(List<Long> schoolIds, CompletionView view) {
        long revision = profiles.revision();
        Map<Long, CurrentStore.Stored> stored = store.read(view.basis(), view.year(), schoolIds);
        Map<Long, SchoolResult> results = new LinkedHashMap<>();
        List<Long> toCompute = new ArrayList<>();
        for (Long schoolId : schoolIds) {
            CurrentStore.Stored row = stored.get(schoolId);
            if (row != null && row.currentFor(view.asOf(), revision)) {
                results.put(schoolId, new SchoolResult(schoolId, row.asOf(), row.figures(), List.of(),
                        SchoolResult.Source.LEDGER, null));
            } else {
                toCompute.add(schoolId);
            }
        }
        toCompute.forEach(schoolId -> results.put(schoolId, school(schoolId, view)));
        return results;
    }

    /** One school computed from the ledger now, with its short teachers; its figures are kept. */
    SchoolResult school(Long schoolId, CompletionView view) {
        long revision = profiles.revision();
        long generation = store.generation(schoolId);
        SchoolResult result = live.fresh(schoolId, view.basis(), view.asOf());
        try {
            transactions.executeWithoutResult(tx -> store.save(schoolId, view.basis(), view.year(), view.asOf(),
                    generation, revision, result.figures(), Instant.now(clock)));
        } catch (ConcurrencyFailureException busy) {
            // The row is held by the job or another viewer writing the same school: this result is shown, theirs kept.
            log.info("Completion of school {} not kept, its row is busy: {}", schoolId, busy.toString());
        }
        return result;
    }

    /**
     * Recomputes the school's row for the basis and year as of {@code view}'s date, under its lock,
     * unless it answers already (another node did it while this one waited for the lock). Returns
     * whether a result was written. For the pending-work job: call it in a transaction of its own.
     */
    boolean refresh(Long schoolId, CompletionView view) {
        Optional<CurrentStore.Stored> row = store.lock(schoolId, view.basis(), view.year());
        long revision = profiles.revision();
        if (row.isPresent() && row.get().currentFor(view.asOf(), revision)) {
            return false;
        }
        long generation = row.map(CurrentStore.Stored::schoolGeneration).orElseGet(() -> store.generation(schoolId));
        SchoolResult result = live.fresh(schoolId, view.basis(), view.asOf());
        return store.save(schoolId, view.basis(), view.year(), view.asOf(), generation, revision, result.figures(),
                Instant.now(clock));
    }
}
