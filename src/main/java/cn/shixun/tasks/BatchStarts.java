package cn.shixun.tasks;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.PendingWork;
import cn.shixun.shared.RefusalText;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the items of a school's bulk declaration (annual registration R-33, cycle verification
 * R-34), whatever the procedure: its pending rows are the queue (docs/adr/0008). Each item starts
 * in a transaction of its own that holds the item's row lock, so one teacher's refusal does not
 * hold back the others, a second worker on the same item waits and then finds it done, and a node
 * that stops half-way leaves the rest pending. The node that takes a declaration starts it at once
 * ({@link #startAll}, or {@link #startSoon} in the background); every node's worker takes what is
 * still pending, a chunk of each batch a round ({@link #startPending}). A refused item is recorded
 * and leaves the queue until the school retries it ({@link #resumeInBackground}).
 */
@Component
public class BatchStarts implements PendingWork {

    private static final Logger log = LoggerFactory.getLogger(BatchStarts.class);
    /** Items a worker round starts of one batch before it turns to the next batch. */
    static final int CHUNK = 50;

    private final List<BatchQueue<?>> queues;
    private final RefusalText refusals;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate ownTransaction;
    /** Starts a batch just declared on this node at once, instead of at the workers' next round. */
    private final ExecutorService background = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "batch-start");
        thread.setDaemon(true);
        return thread;
    });

    BatchStarts(List<BatchQueue<?>> queues, RefusalText refusals, PlatformTransactionManager transactionManager,
                ApplicationEventPublisher publisher) {
        this.queues = queues;
        this.refusals = refusals;
        this.publisher = publisher;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether items of the batch are still pending: a worker (of any node) is starting them. */
    public boolean isRunning(BatchQueue<?> queue, Long batchId) {
        Long pending = ownTransaction.execute(status -> queue.countPending(batchId));
        return pending != null && pending > 0;
    }

    /** Starts every pending item of the batch, in the calling thread. */
    public <B> void startAll(BatchQueue<B> queue, Long batchId) {
        start(queue, batchId, Integer.MAX_VALUE);
    }

    /** {@link #startAll} in this node's background, as the caller; what it does not finish stays pending. */
    public <B> void startSoon(BatchQueue<B> queue, Long batchId) {
        background.execute(new DelegatingSecurityContextRunnable(() -> {
            try {
                startAll(queue, batchId);
            } catch (RuntimeException failure) {
                // The items still pending stay so: the workers' next round takes them.
                log.error("{} {} interrupted", queue.name(), batchId, failure);
            }
        }));
    }

    /**
     * The school's retry, at once: {@code requeue} (the failed items back in the queue, and whatever
     * the procedure adds) runs in a transaction of its own, then every pending item is started.
     */
    public <B> void resume(BatchQueue<B> queue, Long batchId, Runnable requeue) {
        ownTransaction.executeWithoutResult(status -> requeue.run());
        startAll(queue, batchId);
    }

    /**
     * The school's retry from a page: refused while items are pending; otherwise {@code requeue}
     * runs in a transaction of its own and the batch starts in the background.
     */
    public <B> void resumeInBackground(BatchQueue<B> queue, Long batchId, Runnable requeue) {
        if (isRunning(queue, batchId)) {
            throw queue.stillRunning(batchId);
        }
        ownTransaction.executeWithoutResult(status -> requeue.run());
        startSoon(queue, batchId);
    }

    /** The workers' round: a chunk of every batch with pending items, of every procedure. */
    @Override
    public void startPending() {
        for (BatchQueue<?> queue : queues) {
            try {
                startPending(queue);
            } catch (RuntimeException failure) {
                // The database away for a moment, say: the rows stay pending for the next round.
                log.warn("{}: pending items not started this round: {}", queue.name(), failure.toString());
            }
        }
    }

    /** One procedure's part of the workers' round. */
    private <B> void startPending(BatchQueue<B> queue) {
        for (Long batchId : ownTransaction.execute(status -> queue.batchesWithPending())) {
            start(queue, batchId, CHUNK);
        }
    }

    /**
     * Starts up to {@code limit} pending items of the batch, each in a transaction of its own, then
     * tells the procedure if nothing is pending any more and publishes its {@link BatchResult}. Every
     * read is a transaction of its own too: the caller has none.
     */
    public <B> void start(BatchQueue<B> queue, Long batchId, int limit) {
        B batch = ownTransaction.execute(status -> queue.batch(batchId));
        for (Long itemId : ownTransaction.execute(status -> queue.pending(batchId, limit))) {
            startOne(queue, batch, itemId);
        }
        ownTransaction.executeWithoutResult(status -> {
            if (queue.countPending(batchId) == 0) {
                queue.drained(batchId);
                queue.result(batchId).ifPresent(publisher::publishEvent);
            }
        });
    }

    private <B> void startOne(BatchQueue<B> queue, B batch, Long itemId) {
        BusinessRuleException refusal;
        try {
            ownTransaction.executeWithoutResult(status -> queue.start(batch, itemId));
            return;
        } catch (BusinessRuleException refused) {
            log.warn("{} item {} not started: {}", queue.name(), itemId, refused.getMessage());
            refusal = refused;
        } catch (ConcurrencyFailureException busy) {
            // Locked past the lock timeout by another worker: it is that worker's.
            log.info("{} item {} busy with another worker: {}", queue.name(), itemId, busy.toString());
            return;
        } catch (RuntimeException failure) {
            log.warn("{} item {} failed", queue.name(), itemId, failure);
            refusal = queue.unexpectedFailure();
        }
        // A failure to record the failure (the database gone) propagates: the item stays pending for the next round.
        BusinessRuleException recorded = refusal;
        String reason = refusals.forRecord(recorded);
        ownTransaction.executeWithoutResult(status -> queue.failed(itemId, recorded, reason));
    }

    @PreDestroy
    void stopBackground() {
        background.shutdownNow();
    }
}
