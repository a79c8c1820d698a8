package cn.shixun.inbox;

import cn.shixun.shared.web.PageDates;
import cn.shixun.tasks.CaseContacts;
import cn.shixun.tasks.CaseTask;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** The digest's words: how many tasks are due, and the first of them, earliest deadline first. */
@Component
class DigestTexts {

    static final int LISTED = 10;

    private final NoticeTexts texts;
    private final CaseContacts contacts;

    DigestTexts(NoticeTexts texts, CaseContacts contacts) {
        this.texts = texts;
        this.contacts = contacts;
    }

    Notice digest(List<CaseTask> due, Instant now, String onceKey) {
        long overdue = due.stream().filter(task -> task.isOverdue(now)).count();
        StringBuilder body = new StringBuilder(texts.text("inbox.digest.lead", due.size(), overdue));
        for (CaseTask task : due.subList(0, Math.min(LISTED, due.size()))) {
            body.append('\n').append(texts.text(task.isOverdue(now) ? "inbox.digest.line.overdue" : "inbox.digest.line",
                    contacts.procedureName(task.processKey()), task.name(),
                    contacts.sideOf(task.processKey(), task.caseId()).summary(), PageDates.DAY_TIME.format(task.due())));
        }
        if (due.size() > LISTED) {
            body.append('\n').append(texts.text("inbox.digest.more", due.size() - LISTED));
        }
        return new Notice(NoticeKind.DIGEST, texts.text("inbox.digest.title", due.size()), body.toString(), "/tasks",
                onceKey);
    }
}
