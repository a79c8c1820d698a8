package cn.shixun.inbox;

import cn.shixun.shared.BusinessDate;
import cn.shixun.tasks.CaseContacts;
import cn.shixun.tasks.CaseTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reviewers' daily digest: every account that may work an open task due within the window (or
 * overdue) gets one message a day listing them, mailed like any other. Once per account and day
 * across nodes: the message carries the day as its once-only key, which the table keeps unique, so
 * a second node's digest of the same account is refused and skipped. Runs at
 * {@code shixun.inbox.digest-cron} (Beijing time) where the scheduled workers run.
 */
@Component
class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);
    private static final int PAGE = 500;

    private final CaseContacts contacts;
    private final NoticeRecipients recipients;
    private final DigestTexts texts;
    private final Inbox inbox;
    private final Clock clock;
    private final Duration window;
    private final TransactionTemplate ownTransaction;

    DailyDigest(CaseContacts contacts, NoticeRecipients recipients, DigestTexts texts, Inbox inbox, Clock clock,
                @Value("${shixun.inbox.digest-due-within:P2D}") Duration window, PlatformTransactionManager transactions) {
        this.contacts = contacts;
        this.recipients = recipients;
        this.texts = texts;
        this.inbox = inbox;
        this.clock = clock;
        this.window = window;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(cron = "${shixun.inbox.digest-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
    void daily() {
        int sent = send(LocalDate.now(clock.withZone(BusinessDate.ZONE)), Instant.now());
        log.info("Daily digest: {} accounts told of their tasks due", sent);
    }

    /**
     * The digest of {@code day}, of the tasks due before {@code now} plus the window (deadlines are the
     * engine's, in real time, as the workbench reads them); how many accounts got one now.
     */
    int send(LocalDate day, Instant now) {
        Map<String, List<CaseTask>> dueByAccount = ownTransaction.execute(status -> dueByAccount(now.plus(window)));
        String onceKey = "digest:" + day;
        int sent = 0;
        for (Map.Entry<String, List<CaseTask>> account : dueByAccount.entrySet()) {
            try {
                Boolean written = ownTransaction.execute(status -> {
                    if (inbox.has(account.getKey(), onceKey)) {
                        return false;
                    }
                    inbox.post(texts.digest(account.getValue(), now, onceKey), List.of(account.getKey()));
                    return true;
                });
                sent += Boolean.TRUE.equals(written) ? 1 : 0;
            } catch (DataIntegrityViolationException anotherNode) {
                log.info("Digest {} of {} written by another node meanwhile", onceKey, account.getKey());
            }
        }
        return sent;
    }

    private Map<String, List<CaseTask>> dueByAccount(Instant limit) {
        Map<String, List<CaseTask>> byAccount = new LinkedHashMap<>();
        for (int first = 0; ; first += PAGE) {
            List<CaseTask> due = contacts.dueBefore(limit, first, PAGE);
            for (CaseTask task : due) {
                for (String account : recipients.ofTasks(List.of(task))) {
                    byAccount.computeIfAbsent(account, key -> new ArrayList<>()).add(task);
                }
            }
            if (due.size() < PAGE) {
                return byAccount;
            }
        }
    }
}
