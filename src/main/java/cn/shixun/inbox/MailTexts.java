package cn.shixun.inbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** A message as an e-mail's text: the message itself, the link to open, a line on where to turn mail off. */
@Component
class MailTexts {

    private final NoticeTexts texts;
    private final String baseUrl;

    MailTexts(NoticeTexts texts, @Value("${shixun.inbox.base-url:}") String baseUrl) {
        this.texts = texts;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String bodyOf(Message message) {
        StringBuilder text = new StringBuilder(message.body());
        if (message.link() != null) {
            text.append("\n\n").append(texts.text("inbox.mail.open", baseUrl + message.link()));
        }
        text.append("\n\n").append(texts.text("inbox.mail.footer", baseUrl + "/messages"));
        return text.toString();
    }
}
