package cn.shixun.insight.completion;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.shared.PendingWork;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the stored current results up to date ahead of viewers, on every node's pending-work
 * worker (docs/adr/0008): each round recomputes a bounded number of rows that no longer answer
 * (a school changed, a policy version was published, the day turned), changed schools first, and
 * once a day adds this year's rows of schools that have none, both bases. A school per
 * transaction under its row's lock; two nodes on one school: the second finds it done.
 */
@Component
class CompletionRefresh implements PendingWork {

    private static final Logger log = LoggerFactory.getLogger(CompletionRefresh.class);
    /** Rows a round: a 500-teacher school takes about 0.2 s, so a round stays within seconds. */
    static final int ROUND = 20;

    private final CurrentStore store;
    private final CurrentCompletion current;
    private final Organisations organisations;
    private final PolicyProfiles profiles;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** The day this node last found every school with this year's rows (a new school gets its row the next day, or when viewed). */
    private volatile LocalDate allStoredOn;

    CompletionRefresh(CurrentStore store, CurrentCompletion current, Organisations organisations, PolicyProfiles profiles,
                      TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.current = current;
        this.organisations = organisations;
        this.profiles = profiles;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void startPending() {
        refreshRound();
    }

    /** One round; returns how many results it wrote. */
    int refreshRound() {
        LocalDate today = LocalDate.now(clock);
        List<Work> work = new ArrayList<>();
        for (CurrentStore.Stored row : store.due(today, profiles.revision(), ROUND)) {
            work.add(new Work(row.schoolId(), row.basis(), row.year()));
        }
        if (work.size() < ROUND && !today.equals(allStoredOn)) {
            List<Work> missing = missing(today.getYear());
            int room = ROUND - work.size();
            if (missing.size() <= room) {
                allStoredOn = today;
            }
            work.addAll(missing.subList(0, Math.min(missing.size(), room)));
        }
        int computed = 0;
        for (Work item : work) {
            CompletionView view = item.view(today);
            try {
                Boolean done = transactions.execute(tx -> current.refresh(item.schoolId(), view));
                computed += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (ConcurrencyFailureException busy) {
                log.info("Completion of school {} ({} {}) busy with another node: {}", item.schoolId(), item.basis(),
                        item.year(), busy.toString());
            } catch (RuntimeException failure) {
                log.warn("Completion of school {} ({} {}) not recomputed this round", item.schoolId(), item.basis(),
                        item.year(), failure);
            }
        }
        if (computed > 0) {
            log.info("Completion: {} stored results recomputed", computed);
        }
        return computed;
    }

    private List<Work> missing(int year) {
        List<Work> missing = new ArrayList<>();
        List<Long> schools = organisations.list(OrganisationLevel.SCHOOL, null).stream().map(Organisation::getId).toList();
        for (Basis basis : Basis.values()) {
            Set<Long> stored = new HashSet<>(store.schoolsStored(basis, year));
            schools.stream().filter(id -> !stored.contains(id)).forEach(id -> missing.add(new Work(id, basis, year)));
        }
        return missing;
    }

    private record Work(Long schoolId, Basis basis, int year) {

        /** As of today for this year, 31 December for a past one. */
        CompletionView view(LocalDate today) {
            boolean currentYear = year == today.getYear();
            return new CompletionView(year, basis, currentYear ? today : LocalDate.of(year, 12, 31), currentYear);
        }
    }
}
