package cn.shixun.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.web.ExemptionCaseCalls;
import cn.shixun.security.Accounts;
import cn.shixun.shared.BusinessRuleException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 13's "Done when" for notices: a reviewer returns a teacher's case through the task API and
 * the teacher finds the message in the message centre and the e-mail at a real SMTP server
 * (GreenMail on 127.0.0.1). With the server down the return still succeeds, the mail is retried and
 * arrives once the server is up. A context of its own (the mail server's properties), so an engine
 * of its own name (ItContextConventionsTest); retries come due at once here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"shixun.demo-data.enabled=true", "camunda.bpm.process-engine-name=" + InboxMailIT.ENGINE,
                "shixun.inbox.mail-retry.first-wait=PT0S", "shixun.inbox.base-url=https://shixun.example.org"})
class InboxMailIT {

    static final String ENGINE = "inboxMail";
    private static final String TEACHER_MAIL = "teacher@example.org";
    private static final SmtpServer SMTP = new SmtpServer();

    @Autowired WebApplicationContext context;
    @Autowired UserDetailsService users;
    @Autowired EvidenceFiles evidence;
    @Autowired Accounts accounts;
    @Autowired ObjectMapper json;
    @Autowired ManagementService management;
    @Autowired DegreeExemptions exemptions;
    @Autowired MailSettings mailSettings;
    @Autowired MailOutbox outbox;
    @Autowired MailDelivery delivery;
    @Autowired DailyDigest digest;

    ExemptionCaseCalls calls;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP.port);
    }

    @BeforeAll
    static void startSmtp() {
        SMTP.start();
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @BeforeEach
    void setUp() {
        if (!SMTP.running()) {
            SMTP.start();
        }
        calls = new ExemptionCaseCalls(context, users, evidence, accounts, json);
        mailSettings.change("teacher", TEACHER_MAIL, true);
        outbox.sendDue(); // whatever an earlier test left due is sent before this one counts
        SMTP.forgetReceived();
    }

    @Test
    void aReturnedCase_isAMessageForTheTeacher_andAnEmailReceivedByTheSmtpServer() throws Exception {
        long id = calls.apply();
        calls.decide(id, "school.admin", "RETURN", "请补充学位证书扫描件");

        JsonNode message = messageAbout("teacher", id, "RETURNED");
        assertThat(message.get("title").asText()).isEqualTo("退回修改：学历提升免修申请（R-30）");
        assertThat(message.get("body").asText()).contains("被退回修改", "意见：请补充学位证书扫描件", "事项：学历提升免修申请");
        assertThat(message.get("read").asBoolean()).isFalse();
        assertThat(message.get("mailState").asText()).isEqualTo("PENDING");
        assertThat(messagesOf("school.admin")).as("the reviewer is not told of their own return")
                .noneMatch(m -> ("/exemptions/" + id).equals(m.get("link").asText()) && "RETURNED".equals(m.get("kind").asText()));

        assertThat(outbox.sendDue()).isEqualTo(1);

        List<MimeMessage> received = SMTP.receivedBy(TEACHER_MAIL);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo("退回修改：学历提升免修申请（R-30）");
        assertThat((String) mail.getContent()).contains("意见：请补充学位证书扫描件",
                "打开：https://shixun.example.org/exemptions/" + id, "https://shixun.example.org/messages");
        assertThat(messageAbout("teacher", id, "RETURNED").get("mailState").asText()).isEqualTo("SENT");
    }

    @Test
    void aMailServerThatIsDown_failsNoStep_theMailIsRetriedAndArrivesWhenTheServerIsUpAgain() throws Exception {
        SMTP.stop();
        long id = calls.apply();
        calls.decide(id, "school.admin", "RETURN", "服务器停机时退回");

        assertThat(outbox.sendDue()).isZero();
        JsonNode failed = messageAbout("teacher", id, "RETURNED");
        assertThat(failed.get("mailState").asText()).isEqualTo("PENDING");
        assertThat(failed.get("mailAttempts").asInt()).isEqualTo(1);
        assertThat(failed.get("mailError").asText()).isNotBlank();
        assertThat(pageOf("teacher", "/messages")).contains("邮件发送失败，将重试（已尝试 1 次）");

        SMTP.start();
        assertThat(outbox.sendDue()).isEqualTo(1);
        assertThat(SMTP.receivedBy(TEACHER_MAIL)).singleElement()
                .satisfies(mail -> assertThat((String) mail.getContent()).contains("服务器停机时退回"));
        JsonNode sent = messageAbout("teacher", id, "RETURNED");
        assertThat(sent.get("mailState").asText()).isEqualTo("SENT");
        assertThat(sent.get("mailAttempts").asInt()).isEqualTo(2);
    }

    @Test
    void onlyTheOwnerOpensAMessage_anotherAccountsIdIsNotFound() throws Exception {
        long id = calls.apply();
        calls.decide(id, "school.admin", "RETURN", "只有本人能看到");
        long messageId = messageAbout("teacher", id, "RETURNED").get("id").asLong();

        calls.api("school.admin", post("/api/messages/" + messageId + "/read")).andExpect(status().isNotFound());
        assertThat(messageAbout("teacher", id, "RETURNED").get("read").asBoolean()).isFalse();

        long unread = calls.body(calls.api("teacher", get("/api/messages"))).get("unread").asLong();
        assertThat(calls.body(calls.api("teacher", post("/api/messages/" + messageId + "/read"))
                .andExpect(status().isOk())).get("read").asBoolean()).isTrue();
        assertThat(calls.body(calls.api("teacher", get("/api/messages"))).get("unread").asLong()).isEqualTo(unread - 1);
    }

    @Test
    void anAddressThatIsNone_isRefusedClearly_andTheSettingStaysAsItWas() {
        assertThatThrownBy(() -> mailSettings.change("teacher", "teacher at example.org", true))
                .isInstanceOfSatisfying(BusinessRuleException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("address");
                    assertThat(refused.messageKey()).isEqualTo("inbox.mail.address-invalid");
                });
        assertThatThrownBy(() -> mailSettings.change("teacher", " ", true))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("inbox.mail.address-missing"));
        assertThat(mailSettings.of("teacher")).isEqualTo(new MailSettings.View(TEACHER_MAIL, true, true));
    }

    @Test
    void twoWorkersOnTheSameMessage_sendOneMail() throws Exception {
        long id = calls.apply();
        calls.decide(id, "school.admin", "RETURN", "两个节点同时发送");
        long messageId = messageAbout("teacher", id, "RETURNED").get("id").asLong();

        CountDownLatch together = new CountDownLatch(1);
        Callable<Boolean> worker = () -> {
            together.await();
            try {
                return delivery.deliver(messageId);
            } catch (ConcurrencyFailureException lockedByTheOther) {
                return false;
            }
        };
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> sent = new ArrayList<>(List.of(nodes.submit(worker), nodes.submit(worker)));
            together.countDown();
            assertThat(sent.stream().filter(this::isTrue).count()).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(SMTP.receivedBy(TEACHER_MAIL)).singleElement()
                .satisfies(mail -> assertThat((String) mail.getContent()).contains("两个节点同时发送"));
    }

    @Test
    void aReminderAndAnEscalation_areMessagesToWhoeverMayWorkTheTask() throws Exception {
        long id = calls.apply();
        List<Job> timers = management.createJobQuery().processInstanceId(exemptions.require(id).processInstanceId())
                .timers().orderByJobDuedate().asc().list();
        assertThat(timers).as("the school review's reminder and escalation").hasSize(2);

        management.executeJob(timers.get(0).getId());
        JsonNode reminder = messageLinkingTo("school.admin", taskLink(id), "REMINDER");
        assertThat(reminder.get("title").asText()).isEqualTo("待办即将到期：学历提升免修申请（R-30）");
        assertThat(reminder.get("body").asText()).contains("即将到期", "说明：即将到期，办理期限");

        management.executeJob(timers.get(1).getId());
        assertThat(messageLinkingTo("county.reviewer", taskLink(id), "ESCALATION").get("body").asText())
                .contains("已转上级");
        assertThat(messageLinkingTo("school.admin", taskLink(id), "ESCALATION")).isNotNull();
        assertThat(messagesOf("teacher")).as("the teacher waits; the reviewers are reminded")
                .noneMatch(m -> m.get("link").asText().equals(taskLink(id)));
    }

    @Test
    void theDailyDigest_tellsTheReviewerOfTasksDue_oncePerDay() throws Exception {
        long id = calls.apply();
        LocalDate day = LocalDate.of(2026, 10, 15);
        // As if run nine days from now: the school review (due in ten days) is then due within the two days' window.
        Instant nineDaysOn = Instant.now().plus(Duration.ofDays(9));

        assertThat(digest.send(day, nineDaysOn)).isPositive();
        assertThat(digest.send(day, nineDaysOn)).as("the second run of the day").isZero();

        List<JsonNode> digests = messagesOf("school.admin").stream()
                .filter(m -> m.get("kind").asText().equals("DIGEST")).toList();
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).get("title").asText()).startsWith("今日待办提醒");
        assertThat(digests.get(0).get("body").asText()).contains("学历提升免修申请", exemptions.summary(id));
        assertThat(digests.get(0).get("link").asText()).isEqualTo("/tasks");
    }

    private String pageOf(String username, String path) throws Exception {
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build()
                .perform(get(path).with(user(users.loadUserByUsername(username))).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String casePage(long id) {
        return "/exemptions/" + id;
    }

    private String taskLink(long id) {
        return "/tasks?task=" + exemptions.openTask(id).orElseThrow().id();
    }

    private boolean isTrue(Future<Boolean> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode messageAbout(String username, long caseId, String kind) {
        return messageLinkingTo(username, casePage(caseId), kind);
    }

    private JsonNode messageLinkingTo(String username, String link, String kind) {
        return messagesOf(username).stream()
                .filter(m -> link.equals(m.get("link").asText()) && m.get("kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " message linking to " + link + " for " + username));
    }

    private List<JsonNode> messagesOf(String username) {
        try {
            JsonNode page = calls.body(calls.api(username, get("/api/messages?size=100")));
            return StreamSupport.stream(page.get("messages").spliterator(), false).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
