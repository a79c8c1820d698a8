package cn.shixun.shared;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every node's worker over the {@link PendingWork} queues in the database (docs/adr/0008). Off
 * with {@code shixun.pending-work.enabled=false} (the tests, which run the work themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "shixun.pending-work.enabled", havingValue = "true", matchIfMissing = true)
class PendingWorkWorker {

    private static final Logger log = LoggerFactory.getLogger(PendingWorkWorker.class);

    private final List<PendingWork> queues;

    PendingWorkWorker(List<PendingWork> queues) {
        this.queues = queues;
    }

    @Scheduled(initialDelayString = "${shixun.pending-work.interval:PT5S}",
            fixedDelayString = "${shixun.pending-work.interval:PT5S}")
    void startPending() {
        for (PendingWork queue : queues) {
            try {
                queue.startPending();
            } catch (RuntimeException failure) {
                // The database away for a moment, say: the rows stay pending for the next round.
                log.warn("Pending work of {} not done this round: {}", queue.getClass().getSimpleName(),
                        failure.toString());
            }
        }
    }
}
