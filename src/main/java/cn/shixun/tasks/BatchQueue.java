package cn.shixun.tasks;

import cn.shixun.shared.BusinessRuleException;
import java.util.List;

/**
 * A procedure's bulk declaration as {@link BatchStarts} runs it: the procedure's own rows are the
 * queue (docs/adr/0008), and it says what starting one item is. {@code B} is its batch record,
 * read once per round. Every method but {@link #batch} and the counts runs inside a transaction
 * {@link BatchStarts} opened for it alone.
 */
public interface BatchQueue<B> {

    /** For the logs: "Annual batch", "Cycle verification batch". */
    String name();

    /** The batch record; read once per round, in a transaction of its own. */
    B batch(Long batchId);

    /** The batches that have items pending: neither started nor failed. */
    List<Long> batchesWithPending();

    /** Up to {@code limit} pending items of the batch, oldest first. */
    List<Long> pending(Long batchId, int limit);

    long countPending(Long batchId);

    /**
     * Starts one item: locks its row (the claim that keeps another worker waiting), returns if it is
     * no longer pending, otherwise does the work and marks the row. A {@link BusinessRuleException}
     * refuses this item only: its transaction rolls back and {@link #failed} records why.
     */
    void start(B batch, Long itemId);

    /** Records, under the item's lock, why it was not started, unless another worker started it meanwhile. */
    void failed(Long itemId, BusinessRuleException refusal, String reason);

    /** The refusal recorded for an item whose start failed for no business reason. */
    BusinessRuleException unexpectedFailure();

    /** The refusal of a retry while items are still pending (a worker, on this node or another, is on them). */
    BusinessRuleException stillRunning(Long batchId);

    /** Nothing of the batch is pending any more; called after each round that leaves it so. */
    default void drained(Long batchId) {
    }

    /** The batch's result for whoever declared it, read when it has drained; empty for none to tell. */
    default java.util.Optional<BatchResult> result(Long batchId) {
        return java.util.Optional.empty();
    }
}
