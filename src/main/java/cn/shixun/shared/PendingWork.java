package cn.shixun.shared;

/**
 * Work whose queue is rows in the database (the pending items of a school's bulk declaration):
 * every node's {@link PendingWorkWorker} calls {@link #startPending()} now and then, so that work
 * left by a node that stopped is finished by whichever node runs (docs/adr/0008). An implementation
 * claims each row in the transaction that does its work, so that two nodes never do it twice.
 */
public interface PendingWork {

    /** Does what is pending, a bounded amount at a time; a failure of one row must not stop the others. */
    void startPending();
}
