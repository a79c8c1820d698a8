package cn.shixun.inbox;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends one message's e-mail in a transaction of its own that holds the message row's lock (the
 * claim, docs/adr/0008): a second worker on the same row waits, then finds it sent. A server that
 * refuses or is down leaves the row pending with its error, for a retry after a wait that doubles
 * each time (1 min, 2 min, … at most the max), until the last try.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final MessageRepository messages;
    private final MailServer server;
    private final MailTexts texts;
    private final Duration firstWait;
    private final Duration maxWait;
    private final int maxAttempts;

    MailDelivery(MessageRepository messages, MailServer server, MailTexts texts,
                 @Value("${shixun.inbox.mail-retry.first-wait:PT1M}") Duration firstWait,
                 @Value("${shixun.inbox.mail-retry.max-wait:PT1H}") Duration maxWait,
                 @Value("${shixun.inbox.mail-retry.max-attempts:20}") int maxAttempts) {
        this.messages = messages;
        this.server = server;
        this.texts = texts;
        this.firstWait = firstWait;
        this.maxWait = maxWait;
        this.maxAttempts = maxAttempts;
    }

    /** Sends the message's mail if it is still due once its row is locked; whether this call sent it. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean deliver(Long messageId) {
        Message message = messages.lockById(messageId).orElse(null);
        Instant now = Instant.now();
        if (message == null || !message.mailDue(now) || !server.configured()) {
            return false;
        }
        try {
            server.send(message.mailTo(), message.title(), texts.bodyOf(message));
            message.mailed(Instant.now());
            log.info("Mail of message {} sent", messageId);
            return true;
        } catch (MailException failure) {
            boolean lastTry = message.mailAttempts() + 1 >= maxAttempts;
            message.mailFailed(failure.getMessage(), waitAfter(message.mailAttempts() + 1), lastTry, Instant.now());
            log.warn("Mail of message {} not sent (attempt {}{}): {}", messageId, message.mailAttempts(),
                    lastTry ? ", giving up" : "", failure.toString());
            return false;
        }
    }

    /** 1, 2, 4, … times the first wait after the n-th failure, at most the max wait. */
    Duration waitAfter(int failures) {
        Duration wait = firstWait;
        for (int i = 1; i < failures && wait.compareTo(maxWait) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
