package cn.shixun.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * The batch-start component on its own (docs/adr/0008), over an in-memory queue standing for a
 * procedure's rows: each item in a transaction of its own, a refused item recorded with its reason
 * while the others go on, a batch left half-way continued by the next worker round, the school's
 * retry refused while items are pending.
 */
class BatchStartsTest {

    private final Transactions transactions = new Transactions();
    private final RefusalText refusals = new RefusalText(messages());

    @Test
    void R33_R34_anItemRefusedByARuleIsRecordedWithItsReason_andTheRestOfTheBatchIsStarted() {
        Queue queue = new Queue(1L, 4).refusing(2L, BusinessRuleException.violation("R-01", "teacherId",
                "test.not-registrable", "张三"));
        BatchStarts starts = new BatchStarts(List.of(queue), refusals, transactions, event -> { });

        starts.startAll(queue, 1L);

        assertThat(queue.started).containsExactly(1L, 3L, 4L);
        assertThat(queue.failed).containsOnlyKeys(2L).containsEntry(2L, "张三不是登记对象（R-01）");
        assertThat(queue.failedRule).containsEntry(2L, "R-01");
        assertThat(transactions.rolledBack).as("only the refused item's own transaction rolls back").isEqualTo(1);
        assertThat(queue.drained).containsExactly(1L);
    }

    @Test
    void R33_R34_aStartThatFailsForNoBusinessReasonIsRecordedAsTheProceduresOwnRefusal() {
        Queue queue = new Queue(1L, 2).refusing(1L, new IllegalStateException("engine down"));
        BatchStarts starts = new BatchStarts(List.of(queue), refusals, transactions, event -> { });

        starts.startAll(queue, 1L);

        assertThat(queue.failed).containsOnlyKeys(1L).containsEntry(1L, "启动时出错，请稍后重试（R-34）");
        assertThat(queue.started).containsExactly(2L);
    }

    @Test
    void R33_R34_aBatchLeftHalfWayIsContinuedByTheNextWorkerRound_andOnlyThenDrained() {
        Queue queue = new Queue(1L, 5);
        BatchStarts starts = new BatchStarts(List.of(queue), refusals, transactions, event -> { });

        starts.start(queue, 1L, 2); // a worker stopped after two items
        assertThat(queue.started).containsExactly(1L, 2L);
        assertThat(starts.isRunning(queue, 1L)).isTrue();
        assertThat(queue.drained).isEmpty();

        starts.startPending(); // any node's next round
        assertThat(queue.started).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(starts.isRunning(queue, 1L)).isFalse();
        assertThat(queue.drained).containsExactly(1L);
    }

    @Test
    void R33_R34_anItemLockedByAnotherWorkerIsLeftPending_notRecordedAsFailed() {
        Queue queue = new Queue(1L, 2).refusing(1L, new CannotAcquireLockException("lock wait timeout"));
        BatchStarts starts = new BatchStarts(List.of(queue), refusals, transactions, event -> { });

        starts.startAll(queue, 1L);

        assertThat(queue.failed).isEmpty();
        assertThat(queue.pending(1L, 10)).containsExactly(1L);
        assertThat(queue.drained).as("not finished while an item is pending").isEmpty();
    }

    @Test
    void R33_R34_theSchoolsRetryIsRefusedWhileItemsArePending_andRequeuesNothing() {
        Queue queue = new Queue(1L, 1);
        BatchStarts starts = new BatchStarts(List.of(queue), refusals, transactions, event -> { });
        List<String> requeued = new ArrayList<>();

        assertThatThrownBy(() -> starts.resumeInBackground(queue, 1L, () -> requeued.add("requeued")))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("test.running"));
        assertThat(requeued).isEmpty();
    }

    @Test
    void R33_R34_theSchoolsRetryPutsTheFailedItemsBackAndStartsThem() {
        Queue queue = new Queue(1L, 2).refusing(2L, BusinessRuleException.violation("R-01", "teacherId",
                "test.not-registrable", "李四"));
        BatchStarts starts = new BatchStarts(List.of(queue), refusals, transactions, event -> { });
        starts.startAll(queue, 1L);
        queue.refusals.clear();

        starts.resume(queue, 1L, () -> queue.failed.keySet().forEach(queue.state::remove));

        assertThat(queue.started).containsExactly(1L, 2L);
        assertThat(queue.drained).containsExactly(1L, 1L);
    }

    @Test
    void R33_R34_oneProceduresTroubleDoesNotStopTheOthersRound() {
        Queue broken = new Queue(1L, 1) {
            @Override
            public List<Long> batchesWithPending() {
                throw new CannotAcquireLockException("database away");
            }
        };
        Queue other = new Queue(7L, 2);
        BatchStarts starts = new BatchStarts(List.of(broken, other), refusals, transactions, event -> { });

        starts.startPending();

        assertThat(broken.started).isEmpty();
        assertThat(other.started).containsExactly(1L, 2L);
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("test.not-registrable", Locale.SIMPLIFIED_CHINESE, "{0}不是登记对象");
        messages.addMessage("test.start-error", Locale.SIMPLIFIED_CHINESE, "启动时出错，请稍后重试");
        return messages;
    }

    /** A procedure's rows in memory: items 1..n of one batch, each pending until started or failed. */
    static class Queue implements BatchQueue<String> {

        final Long batchId;
        final int size;
        final Map<Long, String> state = new LinkedHashMap<>();
        final Map<Long, RuntimeException> refusals = new LinkedHashMap<>();
        final List<Long> started = new ArrayList<>();
        final Map<Long, String> failed = new LinkedHashMap<>();
        final Map<Long, String> failedRule = new LinkedHashMap<>();
        final List<Long> drained = new ArrayList<>();

        Queue(Long batchId, int size) {
            this.batchId = batchId;
            this.size = size;
        }

        Queue refusing(Long itemId, RuntimeException refusal) {
            refusals.put(itemId, refusal);
            return this;
        }

        @Override
        public String name() {
            return "Test batch";
        }

        @Override
        public String batch(Long id) {
            return "batch " + id;
        }

        @Override
        public List<Long> batchesWithPending() {
            return countPending(batchId) > 0 ? List.of(batchId) : List.of();
        }

        @Override
        public List<Long> pending(Long id, int limit) {
            List<Long> pending = new ArrayList<>();
            for (long item = 1; item <= size && pending.size() < limit; item++) {
                if (!state.containsKey(item)) {
                    pending.add(item);
                }
            }
            return pending;
        }

        @Override
        public long countPending(Long id) {
            return pending(id, Integer.MAX_VALUE).size();
        }

        @Override
        public void start(String batch, Long itemId) {
            assertThat(batch).isEqualTo("batch " + batchId);
            if (refusals.containsKey(itemId)) {
                throw refusals.get(itemId);
            }
            state.put(itemId, "STARTED");
            started.add(itemId);
        }

        @Override
        public void failed(Long itemId, BusinessRuleException refusal, String reason) {
            state.put(itemId, "FAILED");
            failed.put(itemId, reason);
            failedRule.put(itemId, refusal.ruleId());
        }

        @Override
        public BusinessRuleException unexpectedFailure() {
            return BusinessRuleException.conflict("R-34", "batchId", "test.start-error");
        }

        @Override
        public BusinessRuleException stillRunning(Long id) {
            return BusinessRuleException.conflict("R-34", "batchId", "test.running", id);
        }

        @Override
        public void drained(Long id) {
            drained.add(id);
        }
    }

    /** Counts the transactions the component opens and how they end. */
    static class Transactions implements PlatformTransactionManager {

        int begun;
        int committed;
        int rolledBack;

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            assertThat(definition.getPropagationBehavior()).as("each unit of work in a transaction of its own")
                    .isEqualTo(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            begun++;
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            committed++;
        }

        @Override
        public void rollback(TransactionStatus status) {
            rolledBack++;
        }
    }
}
