package cn.shixun.inbox;

import java.time.Instant;

/**
 * A message as its owner reads it.
 *
 * @param mailState    where its e-mail stands
 * @param mailAttempts how often sending was tried
 * @param mailError    the mail server's last refusal, while it is retried or given up; else null
 */
public record MessageView(Long id, NoticeKind kind, String title, String body, String link, Instant createdAt,
                          boolean read, MailState mailState, int mailAttempts, String mailError) {

    static MessageView of(Message message) {
        return new MessageView(message.id(), message.kind(), message.title(), message.body(), message.link(),
                message.createdAt(), message.isRead(), message.mailState(), message.mailAttempts(),
                message.mailState() == MailState.SENT ? null : message.mailLastError());
    }

    /** Failed at least once and to be retried: what the page says as 发送失败，将重试. */
    public boolean mailRetrying() {
        return mailState == MailState.PENDING && mailAttempts > 0;
    }
}
