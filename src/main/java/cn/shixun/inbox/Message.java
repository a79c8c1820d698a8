package cn.shixun.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One message to one account, and the state of its e-mail (the outbox entry). */
@Entity
@Table(name = "inbox_message")
class Message {

    static final int MAX_BODY = 2000;
    static final int MAX_ERROR = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoticeKind kind;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    private String link;

    @Column(name = "once_key")
    private String onceKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "mail_state", nullable = false)
    private MailState mailState;

    @Column(name = "mail_to")
    private String mailTo;

    @Column(name = "mail_attempts", nullable = false)
    private int mailAttempts;

    @Column(name = "mail_next_try_at")
    private Instant mailNextTryAt;

    @Column(name = "mail_sent_at")
    private Instant mailSentAt;

    @Column(name = "mail_last_error")
    private String mailLastError;

    protected Message() {
        // for JPA
    }

    Message(String recipient, Notice notice, String mailTo, Instant now) {
        this.recipient = recipient;
        this.kind = notice.kind();
        this.title = notice.title();
        this.body = notice.body().length() > MAX_BODY ? notice.body().substring(0, MAX_BODY) : notice.body();
        this.link = notice.link();
        this.onceKey = notice.onceKey();
        this.createdAt = now;
        this.mailTo = mailTo;
        this.mailState = mailTo == null ? MailState.OFF : MailState.PENDING;
        this.mailNextTryAt = mailTo == null ? null : now;
    }

    Long id() {
        return id;
    }

    String recipient() {
        return recipient;
    }

    NoticeKind kind() {
        return kind;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    String link() {
        return link;
    }

    Instant createdAt() {
        return createdAt;
    }

    boolean isRead() {
        return readAt != null;
    }

    MailState mailState() {
        return mailState;
    }

    String mailTo() {
        return mailTo;
    }

    int mailAttempts() {
        return mailAttempts;
    }

    String mailLastError() {
        return mailLastError;
    }

    boolean mailDue(Instant now) {
        return mailState == MailState.PENDING && !mailNextTryAt.isAfter(now);
    }

    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    void mailed(Instant now) {
        mailAttempts++;
        mailState = MailState.SENT;
        mailSentAt = now;
        mailNextTryAt = null;
    }

    /** A failed try: again after {@code wait}, or given up when that was the last try. */
    void mailFailed(String error, Duration wait, boolean lastTry, Instant now) {
        mailAttempts++;
        mailLastError = error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        mailState = lastTry ? MailState.GAVE_UP : MailState.PENDING;
        mailNextTryAt = lastTry ? null : now.plus(wait);
    }
}
