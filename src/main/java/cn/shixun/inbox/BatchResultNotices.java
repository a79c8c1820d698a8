package cn.shixun.inbox;

import cn.shixun.tasks.BatchResult;
import cn.shixun.tasks.CaseContacts;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bulk declaration done (every item started or refused) becomes a message to whoever declared it,
 * once per batch and counts: a retry that changes the counts tells again, a second worker finishing
 * the same round does not. Written after the round's transaction commits, in one of its own: two
 * workers that drain a batch at once both publish the result, and the second one's message, refused
 * by the once-only key, must not fail that worker's round.
 */
@Component
class BatchResultNotices {

    private static final Logger log = LoggerFactory.getLogger(BatchResultNotices.class);

    private final CaseContacts contacts;
    private final NoticeTexts texts;
    private final Inbox inbox;
    private final TransactionTemplate ownTransaction;

    BatchResultNotices(CaseContacts contacts, NoticeTexts texts, Inbox inbox, PlatformTransactionManager transactions) {
        this.contacts = contacts;
        this.texts = texts;
        this.inbox = inbox;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(BatchResult result) {
        if (result.declaredBy() == null) {
            return;
        }
        String onceKey = "batch:" + result.processKey() + ":" + result.batchId() + ":" + result.started() + "/"
                + result.refused();
        try {
            ownTransaction.executeWithoutResult(status -> {
                if (!inbox.has(result.declaredBy(), onceKey)) {
                    inbox.post(notice(result, onceKey), List.of(result.declaredBy()));
                }
            });
        } catch (DataIntegrityViolationException anotherWorker) {
            log.info("Result {} of batch {} told by another worker meanwhile", onceKey, result.batchId());
        }
    }

    private Notice notice(BatchResult result, String onceKey) {
        String procedure = contacts.procedureName(result.processKey());
        StringBuilder body = new StringBuilder(texts.text("inbox.batch.lead", result.batchId(), result.started(),
                result.refused()));
        body.append('\n').append(texts.text("inbox.notice.procedure", procedure));
        if (result.refused() > 0) {
            body.append('\n').append(texts.text("inbox.batch.refused"));
        }
        return new Notice(NoticeKind.BATCH_RESULT, texts.text("inbox.batch.title", procedure), body.toString(),
                result.page(), onceKey);
    }
}
