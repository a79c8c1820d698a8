package cn.shixun.inbox;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message centre's rows: written in the caller's transaction (a case step's), read only by their
 * owner. A message to an account that takes e-mail is its outbox entry too ({@link MailOutbox}).
 */
@Service
@Transactional(readOnly = true)
public class Inbox {

    static final int MAX_PAGE_SIZE = 100;

    private final MessageRepository messages;
    private final MailSettings mail;

    Inbox(MessageRepository messages, MailSettings mail) {
        this.messages = messages;
        this.mail = mail;
    }

    /** One message per recipient (each once), in the caller's transaction. */
    @Transactional
    void post(Notice notice, Collection<String> recipients) {
        Instant now = Instant.now();
        for (String recipient : new LinkedHashSet<>(recipients)) {
            messages.save(new Message(recipient, notice, mail.addressFor(recipient).orElse(null), now));
        }
    }

    /** Whether the account already has the message of this once-only key (the day's digest). */
    boolean has(String recipient, String onceKey) {
        return messages.existsByRecipientAndOnceKey(recipient, onceKey);
    }

    /** The account's messages, newest first; {@code page} from 0, {@code size} 1 to 100. */
    public Page<MessageView> of(String username, int page, int size) {
        PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE));
        return messages.findByRecipientOrderByIdDesc(username, request).map(MessageView::of);
    }

    public long unread(String username) {
        return messages.countByRecipientAndReadAtIsNull(username);
    }

    /** Marks the account's message read; empty (404 for the caller) when it is not theirs. */
    @Transactional
    public java.util.Optional<MessageView> open(String username, Long id) {
        return messages.findByIdAndRecipient(id, username).map(message -> {
            message.read(Instant.now());
            return MessageView.of(message);
        });
    }

    @Transactional
    public int readAll(String username) {
        return messages.readAll(username, Instant.now());
    }
}
