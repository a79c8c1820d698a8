package cn.shixun.inbox;

import cn.shixun.tasks.BatchResult;
import cn.shixun.tasks.CaseContacts;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A bulk declaration done (every item started or refused) becomes a message to whoever declared it,
 * in the transaction that found it done. Once per batch and counts: a retry that changes the counts
 * tells again, a second worker finishing the same round does not.
 */
@Component
class BatchResultNotices {

    private final CaseContacts contacts;
    private final NoticeTexts texts;
    private final Inbox inbox;

    BatchResultNotices(CaseContacts contacts, NoticeTexts texts, Inbox inbox) {
        this.contacts = contacts;
        this.texts = texts;
        this.inbox = inbox;
    }

    @EventListener
    void on(BatchResult result) {
        String onceKey = "batch:" + result.processKey() + ":" + result.batchId() + ":" + result.started() + "/"
                + result.refused();
        if (result.declaredBy() == null || inbox.has(result.declaredBy(), onceKey)) {
            return;
        }
        String procedure = contacts.procedureName(result.processKey());
        StringBuilder body = new StringBuilder(texts.text("inbox.batch.lead", result.batchId(), result.started(),
                result.refused()));
        body.append('\n').append(texts.text("inbox.notice.procedure", procedure));
        if (result.refused() > 0) {
            body.append('\n').append(texts.text("inbox.batch.refused"));
        }
        inbox.post(new Notice(NoticeKind.BATCH_RESULT, texts.text("inbox.batch.title", procedure), body.toString(),
                result.page(), onceKey), List.of(result.declaredBy()));
    }
}
