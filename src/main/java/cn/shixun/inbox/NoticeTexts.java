package cn.shixun.inbox;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a message, from the inbox bundle in Chinese: a message is written once for every
 * reader and mailed as it is, and the people who read it work in Chinese.
 */
@Component
class NoticeTexts {

    static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource bundle;

    NoticeTexts(MessageSource bundle) {
        this.bundle = bundle;
    }

    /**
     * A case step's message: the title names what happened and the procedure; the body the case, the
     * step, the comment (a reviewer's 意见, the system's 说明) and what to do now.
     */
    Notice ofStep(NoticeKind kind, String procedure, String summary, String step, String comment, boolean bySystem,
                  String link) {
        StringBuilder body = new StringBuilder(text("inbox.notice." + kind + ".lead", step));
        body.append('\n').append(text("inbox.notice.procedure", procedure));
        body.append('\n').append(text("inbox.notice.case", summary));
        body.append('\n').append(text("inbox.notice.step", step));
        if (comment != null) {
            body.append('\n').append(text(bySystem ? "inbox.notice.note" : "inbox.notice.comment", comment));
        }
        return new Notice(kind, text("inbox.notice." + kind + ".title", procedure), body.toString(), link, null);
    }

    String text(String key, Object... args) {
        return bundle.getMessage(key, args, LANGUAGE);
    }
}
