package cn.shixun.inbox;

import cn.shixun.shared.PendingWork;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The e-mail outbox: messages whose mail is due, sent by every node's {@link cn.shixun.shared.PendingWork}
 * worker a batch a round, each claimed and sent by {@link MailDelivery} in a transaction of its own.
 * Sending is never part of a case step: a mail server that is down delays the mail, not the step.
 */
@Component
class MailOutbox implements PendingWork {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    static final int BATCH = 100;

    private final MessageRepository messages;
    private final MailDelivery delivery;
    private final MailServer server;
    private final TransactionTemplate readOnly;

    MailOutbox(MessageRepository messages, MailDelivery delivery, MailServer server,
               PlatformTransactionManager transactions) {
        this.messages = messages;
        this.delivery = delivery;
        this.server = server;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly.setReadOnly(true);
    }

    /** Sends what is due, up to {@link #BATCH} mails; how many were sent. */
    public int sendDue() {
        if (!server.configured()) {
            return 0;
        }
        List<Long> due = readOnly.execute(status -> messages.mailDue(Instant.now(), PageRequest.ofSize(BATCH)));
        int sent = 0;
        for (Long id : due) {
            try {
                sent += delivery.deliver(id) ? 1 : 0;
            } catch (ConcurrencyFailureException busy) {
                // Locked past the lock timeout by another node's worker: that worker sends it.
                log.info("Mail of message {} busy with another worker: {}", id, busy.toString());
            }
        }
        return sent;
    }

    @Override
    public void startPending() {
        sendDue();
    }
}
