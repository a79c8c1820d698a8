package cn.shixun.inbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The SMTP server of {@code spring.mail.*}, if one is configured: Spring Boot makes a
 * {@link JavaMailSender} only when {@code spring.mail.host} is set. Without it e-mail is off and
 * messages stay in the message centre.
 */
@Component
class MailServer {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    MailServer(ObjectProvider<JavaMailSender> sender, @Value("${shixun.inbox.mail-from:shixun@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /** Sends one plain-text mail; a {@link org.springframework.mail.MailException} when the server does not take it. */
    void send(String to, String subject, String text) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(subject);
        mail.setText(text);
        sender.getObject().send(mail);
    }
}
