package cn.shixun.insight.completion;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes last year's snapshots every night (02:30 Beijing time): the first run after 1 January
 * writes them, every later run finds them there and writes nothing. Nodes that run it together
 * write each school once (the unique key per school and year).
 */
@Component
@ConditionalOnProperty(name = "shixun.completion.snapshot-job", havingValue = "true", matchIfMissing = true)
class CompletionSnapshotJob {

    private final CompletionSnapshots snapshots;
    private final Organisations organisations;
    private final Clock clock;

    CompletionSnapshotJob(CompletionSnapshots snapshots, Organisations organisations, Clock clock) {
        this.snapshots = snapshots;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Scheduled(cron = "${shixun.completion.snapshot-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    void takeLastYear() {
        snapshots.take(LocalDate.now(clock).getYear() - 1,
                organisations.list(OrganisationLevel.SCHOOL, null).stream().map(Organisation::getId).toList(), "system");
    }
}
