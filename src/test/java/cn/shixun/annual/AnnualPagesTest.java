package cn.shixun.annual;

import static cn.shixun.annual.AnnualFixture.YEAR;
import static cn.shixun.annual.AnnualFixture.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.annual.AnnualRegistrations.Attachment;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.SamplePdf;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.ClaimKind;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.BatchStarts;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The annual registration's pages: the school's page with the deadline and days left, the
 * declaration started from it and its batch page (progress from the database, each teacher, a
 * teacher left pending started by the next worker round, a failed one retried by the school), and a card's case page where a returned card is amended by whoever the amendment
 * task belongs to — every refusal re-rendered with nothing written, scope and CSRF enforced.
 * The tests' "today" is 2026-10-15 ({@code shixun.clock.fixed}); Kunming's cards are due 31 Oct.
 */
@SpringBootTest
class AnnualPagesTest {

    @Autowired WebApplicationContext context;
    @Autowired AnnualRegistrations registrations;
    @Autowired RegistrationProgress caseProgress;
    @Autowired AnnualBatches batches;
    @Autowired BatchStarts starts;
    @Autowired CaseTasks tasks;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired Ledger ledger;
    @Autowired JdbcTemplate jdbc;
    @Autowired EvidenceFiles evidence;

    MockMvc mvc;
    AnnualFixture kunming;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        kunming = new AnnualFixture(organisations, teachers, accounts, ledger, "kunming-2015");
    }

    @Test
    void R33_R09_theSchoolPageShowsTheDeadlineWithDaysLeft_andEachTeachersCard() throws Exception {
        Teacher declared = kunming.teacher();
        Teacher uncertified = kunming.uncertifiedTeacher();
        kunming.projectHours(declared, ClaimKind.BUREAU_TRAINING, "72", day(3, 1));

        mvc.perform(get("/annual-registrations").with(as(kunming.schoolAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2026-10-31")))
                .andExpect(content().string(containsString("还有 16 天")))
                .andExpect(content().string(containsString("data-test=\"declare-submit\"")))
                .andExpect(content().string(containsString(uncertified.name())))
                .andExpect(content().string(containsString("不属于登记对象（R-01）")))
                .andExpect(content().string(containsString("未申报")))
                .andExpect(content().string(not(containsString("??"))));

        batches.declare(kunming.schoolAdmin, kunming.schools.countySchool.getId(), YEAR, Set.of(), null);
        AnnualRegistration card = registrations.ofTeacher(declared.getId()).get(0);
        mvc.perform(get("/annual-registrations").with(as(kunming.schoolAdmin)))
                .andExpect(content().string(containsString("/annual-registrations/" + card.getId())))
                .andExpect(content().string(containsString("学校逐项审查中")))
                .andExpect(content().string(containsString("data-test=\"batch-link\"")));
    }

    @Test
    void R10_sanmenxiaShowsItsOwnDatesAndThePromotionCandidatesDeadline() throws Exception {
        AnnualFixture sanmenxia = new AnnualFixture(organisations, teachers, accounts, ledger, "sanmenxia-2023");
        mvc.perform(get("/annual-registrations").with(as(sanmenxia.schoolAdmin)))
                .andExpect(content().string(containsString("2026-11-20")))
                .andExpect(content().string(containsString("2026-12-01")))
                .andExpect(content().string(allOf(containsString("晋升职称教师全部完成"), containsString("2026-08-31"),
                        containsString("已过期限"))));
    }

    @Test
    void R33_R01_declaringOnThePageStartsEveryTeacherInTheBackground_andTheBatchPageShowsEachResult() throws Exception {
        Teacher first = kunming.teacher();
        Teacher second = kunming.teacher();
        Teacher uncertified = kunming.uncertifiedTeacher();

        String location = mvc.perform(post("/annual-registrations/batches").with(as(kunming.schoolAdmin)).with(csrf()))
                .andExpect(redirectedUrlPattern("/annual-registrations/batches/*"))
                .andExpect(flash().attribute("done", "annual.page.declared"))
                .andReturn().getResponse().getRedirectedUrl();
        Long batchId = Long.valueOf(location.substring(location.lastIndexOf('/') + 1));
        awaitFinished(batchId);

        assertThat(batches.progress(batchId).items()).containsEntry(BatchItem.Outcome.STARTED, 2L)
                .containsEntry(BatchItem.Outcome.NOT_REGISTRABLE, 1L);
        assertThat(registrations.ofTeacher(first.getId())).hasSize(1);
        assertThat(registrations.ofTeacher(second.getId())).hasSize(1);
        mvc.perform(get(location).with(as(kunming.schoolAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已处理 3 / 3 位教师")))
                .andExpect(content().string(containsString("data-state=\"finished\"")))
                .andExpect(content().string(not(containsString("hx-trigger"))))
                .andExpect(content().string(containsString(uncertified.name())))
                .andExpect(content().string(containsString("不属于登记对象（R-01）")))
                .andExpect(content().string(not(containsString("data-test=\"resume\""))));
    }

    @Test
    void R33_aTeacherLeftPendingByAStoppedNodeIsStartedByTheNextWorkerRound_withNothingToPress() throws Exception {
        Teacher first = kunming.teacher();
        Long batchId = batches.declare(kunming.schoolAdmin, kunming.schools.countySchool.getId(), YEAR, Set.of(), null)
                .batch().getId();
        // As if the node had stopped after listing a teacher and before starting them.
        Teacher late = kunming.teacher();
        jdbc.update("insert into annual_batch_item (batch_id, teacher_id, outcome) values (?, ?, 'PENDING')", batchId,
                late.getId());

        mvc.perform(get("/annual-registrations/batches/" + batchId).with(as(kunming.schoolAdmin)))
                .andExpect(content().string(containsString("data-state=\"running\"")))
                .andExpect(content().string(containsString("已处理 1 / 2 位教师")))
                .andExpect(content().string(containsString("hx-trigger")))
                .andExpect(content().string(not(containsString("data-test=\"resume\""))));
        mvc.perform(post("/annual-registrations/batches/" + batchId + "/resume").with(as(kunming.schoolAdmin)).with(csrf()))
                .andExpect(redirectedUrl("/annual-registrations/batches/" + batchId))
                .andExpect(flash().attribute("error", containsString("正在申报中")));

        starts.startPending(); // any node's worker, on its next round
        assertThat(batches.progress(batchId).items()).containsEntry(BatchItem.Outcome.STARTED, 2L)
                .doesNotContainKey(BatchItem.Outcome.PENDING);
        assertThat(batches.progress(batchId).finished()).isTrue();
        assertThat(registrations.ofTeacher(first.getId())).hasSize(1);
        assertThat(registrations.ofTeacher(late.getId())).hasSize(1);
        mvc.perform(get("/annual-registrations/batches/" + batchId).with(as(kunming.schoolAdmin)))
                .andExpect(content().string(containsString("data-state=\"finished\"")));
    }

    @Test
    void R33_aTeacherWhoseStartFailedOffersToResume_andResumingRetriesOnlyThatTeacher() throws Exception {
        Teacher first = kunming.teacher();
        Long batchId = batches.declare(kunming.schoolAdmin, kunming.schools.countySchool.getId(), YEAR, Set.of(), null)
                .batch().getId();
        Teacher failed = kunming.teacher();
        jdbc.update("insert into annual_batch_item (batch_id, teacher_id, outcome, reason) values (?, ?, 'FAILED', ?)",
                batchId, failed.getId(), "启动这位教师的登记时出错");

        mvc.perform(get("/annual-registrations/batches/" + batchId).with(as(kunming.schoolAdmin)))
                .andExpect(content().string(containsString("data-state=\"interrupted\"")))
                .andExpect(content().string(containsString("已处理 2 / 2 位教师")))
                .andExpect(content().string(containsString("启动这位教师的登记时出错")))
                .andExpect(content().string(not(containsString("data-test=\"batch-finished\""))))
                .andExpect(content().string(containsString("继续申报")));
        mvc.perform(post("/annual-registrations/batches/" + batchId + "/resume").with(as(kunming.schoolAdmin)))
                .andExpect(status().isForbidden());
        starts.startPending();
        assertThat(registrations.ofTeacher(failed.getId())).as("a failed item waits for the school").isEmpty();

        mvc.perform(post("/annual-registrations/batches/" + batchId + "/resume").with(as(kunming.schoolAdmin)).with(csrf()))
                .andExpect(redirectedUrl("/annual-registrations/batches/" + batchId));
        awaitFinished(batchId);

        assertThat(batches.progress(batchId).items()).containsEntry(BatchItem.Outcome.STARTED, 2L)
                .doesNotContainKeys(BatchItem.Outcome.PENDING, BatchItem.Outcome.FAILED);
        assertThat(registrations.ofTeacher(first.getId())).hasSize(1);
        assertThat(registrations.ofTeacher(failed.getId())).hasSize(1);
    }

    @Test
    void R33_R40_aDeclaredCardReturnedByTheSchoolIsAmendedOnItsCasePageByTheSchool() throws Exception {
        Teacher teacher = kunming.teacher();
        LedgerEntry unproven = kunming.ownHours(teacher, ClaimKind.SCHOOL_BASED, "32", day(5, 1));
        batches.declare(kunming.schoolAdmin, kunming.schools.countySchool.getId(), YEAR, Set.of(), null);
        AnnualRegistration card = registrations.ofTeacher(teacher.getId()).get(0);
        tasks.decide(openTask(card).id(), kunming.schoolAdmin, Decision.RETURN, "<b>缺</b>校本研修学时证明");
        CurrentAccount teacherAccount = kunming.accountOf(teacher);

        mvc.perform(get("/annual-registrations/" + card.getId()).with(as(kunming.schoolAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"amend-form\"")))
                .andExpect(content().string(containsString("data-test=\"return-comment\"")))
                .andExpect(content().string(containsString("待补充登记材料")))
                .andExpect(content().string(containsString("badge badge-overdue")))
                .andExpect(content().string(containsString("&lt;b&gt;缺&lt;/b&gt;校本研修学时证明")))
                .andExpect(content().string(not(containsString("<b>缺</b>"))))
                .andExpect(content().string(not(containsString("??"))));
        // The teacher sees their card and the comment but the amendment is the school's (it declared the card).
        mvc.perform(get("/annual-registrations/" + card.getId()).with(as(teacherAccount)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("校本研修学时证明")))
                .andExpect(content().string(not(containsString("data-test=\"amend-form\""))));
        mvc.perform(amendment(card).file(scan(unproven, SamplePdf.withText("proof"))).with(as(teacherAccount))
                        .with(csrf()))
                .andExpect(status().isForbidden());

        // Nothing chosen: refused with the lines named, nothing written.
        mvc.perform(amendment(card).with(as(kunming.schoolAdmin)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("缺少证明材料")))
                .andExpect(content().string(containsString("data-test=\"amend-form\"")));
        assertThat(registrations.require(card.getId()).cardVersion()).isEqualTo(1);
        assertThat(openTask(card).taskKey()).isEqualTo("UserTask_AmendCard");
        assertThat(evidence.ofTeacher(teacher.getId())).isEmpty();

        // The school uploads the scan with the form: stored as the teacher's evidence file, linked on the card.
        mvc.perform(amendment(card).file(scan(unproven, SamplePdf.withText("proof"))).with(as(kunming.schoolAdmin))
                        .with(csrf()))
                .andExpect(redirectedUrl("/annual-registrations/" + card.getId()))
                .andExpect(flash().attribute("done", "annual.page.amended"));
        AnnualRegistration amended = registrations.require(card.getId());
        assertThat(AnnualStanding.of(registrations, caseProgress, card.getId())).isEqualTo("OPEN@UserTask_SchoolReview");
        assertThat(amended.cardVersion()).isEqualTo(2);
        String stored = evidence.ofTeacher(teacher.getId()).get(0).id();
        assertThat(registrations.currentCard(amended)).singleElement()
                .satisfies(line -> assertThat(line.attachedFiles()).containsExactly(stored));
        assertThat(openTask(card).taskKey()).isEqualTo("UserTask_SchoolReview");
        mvc.perform(get("/annual-registrations/" + card.getId()).with(as(kunming.schoolAdmin)))
                .andExpect(content().string(allOf(containsString("data-test=\"attached-file\""),
                        containsString("/evidence/" + stored), containsString("学时证明.pdf"))));
    }

    @Test
    void R40_anAmendmentScanOfTheWrongTypeTooLargeOrAnotherTeachersIsRefusedBesideItsLine_andNothingIsStored()
            throws Exception {
        Teacher teacher = kunming.teacher();
        LedgerEntry unproven = kunming.ownHours(teacher, ClaimKind.SCHOOL_BASED, "32", day(5, 1));
        CurrentAccount account = kunming.accountOf(teacher);
        String blurred = StoredEvidence.of(evidence, teacher.getId());
        AnnualRegistration card = registrations.submit(account, YEAR, false,
                List.of(new Attachment(unproven.getId(), List.of(blurred))), null);
        tasks.decide(openTask(card).id(), kunming.schoolAdmin, Decision.RETURN, "扫描件不清晰");
        int filesBefore = evidence.ofTeacher(teacher.getId()).size();

        byte[] tooLarge = new byte[(int) evidence.maxFileSize() + 1];
        System.arraycopy(SamplePdf.withText("big"), 0, tooLarge, 0, 20);
        for (byte[] content : List.of("<html>not a scan</html>".getBytes(StandardCharsets.UTF_8), tooLarge)) {
            mvc.perform(amendment(card).file(scan(unproven, content)).with(as(account)).with(csrf())
                            .param("keep-" + unproven.getId(), blurred))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().string(allOf(containsString("data-test=\"field-error\""),
                            containsString("data-test=\"amend-form\""))));
        }
        Teacher someoneElse = kunming.teacher();
        mvc.perform(amendment(card).with(as(account)).with(csrf())
                        .param("keep-" + unproven.getId(), StoredEvidence.of(evidence, someoneElse.getId())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("data-test=\"field-error\""),
                        containsString("不属于该教师"))));
        assertThat(evidence.ofTeacher(teacher.getId())).as("no scan of a refused amendment is kept")
                .hasSize(filesBefore);
        assertThat(registrations.require(card.getId()).cardVersion()).isEqualTo(1);
        assertThat(openTask(card).taskKey()).isEqualTo("UserTask_AmendCard");

        // The teacher's scan is read by who may see the card, and 404 for a reviewer of another county.
        AnnualFixture other = new AnnualFixture(organisations, teachers, accounts, ledger, "kunming-2015");
        mvc.perform(get("/evidence/" + blurred).with(as(kunming.countyReviewer))).andExpect(status().isOk());
        mvc.perform(get("/evidence/" + blurred).with(as(other.countyReviewer))).andExpect(status().isNotFound());
    }

    @Test
    void R40_aGoodScanUploadedWithAnAmendmentThatIsRefused_isNotKept_andTheCardIsUnchanged() throws Exception {
        Teacher teacher = kunming.teacher();
        kunming.ownHours(teacher, ClaimKind.BUREAU_TRAINING, "40", day(3, 1), "files/cert.pdf");
        LedgerEntry unproven = kunming.ownHours(teacher, ClaimKind.SCHOOL_BASED, "32", day(5, 1));
        CurrentAccount account = kunming.accountOf(teacher);
        AnnualRegistration card = registrations.submit(account, YEAR, false,
                List.of(new Attachment(unproven.getId(), List.of(StoredEvidence.of(evidence, teacher.getId())))), null);
        tasks.decide(openTask(card).id(), kunming.schoolAdmin, Decision.RETURN, "扫描件不清晰");
        int filesBefore = evidence.ofTeacher(teacher.getId()).size();

        // The upload itself is fine and is stored first; keeping cert.pdf, which proves another line, refuses the amendment.
        mvc.perform(amendment(card).file(scan(unproven, SamplePdf.withText("clear"))).with(as(account)).with(csrf())
                        .param("keep-" + unproven.getId(), "files/cert.pdf"))
                .andExpect(status().isConflict())
                .andExpect(content().string(allOf(containsString("data-test=\"field-error\""),
                        containsString("同一份材料不能证明两项培训"))));
        assertThat(evidence.ofTeacher(teacher.getId())).as("the refused amendment's upload went back with it")
                .hasSize(filesBefore);
        assertThat(registrations.require(card.getId()).cardVersion()).isEqualTo(1);
        assertThat(openTask(card).taskKey()).isEqualTo("UserTask_AmendCard");
    }

    @Test
    void R40_aTeachersOwnReturnedCard_aScanUsedTwiceIsRefusedBesideItsLine_andMarkupComesBackEscaped() throws Exception {
        Teacher teacher = kunming.teacher();
        LedgerEntry proven = kunming.ownHours(teacher, ClaimKind.BUREAU_TRAINING, "40", day(3, 1), "files/cert.pdf");
        LedgerEntry unproven = kunming.ownHours(teacher, ClaimKind.SCHOOL_BASED, "32", day(5, 1));
        CurrentAccount account = kunming.accountOf(teacher);
        AnnualRegistration card = registrations.submit(account, YEAR, false,
                List.of(new Attachment(unproven.getId(), List.of(StoredEvidence.of(evidence, teacher.getId())))), null);
        tasks.decide(openTask(card).id(), kunming.schoolAdmin, Decision.RETURN, "扫描件不清晰");

        mvc.perform(get("/annual-registrations/mine").with(as(account)))
                .andExpect(redirectedUrl("/annual-registrations/" + card.getId()));
        mvc.perform(get("/annual-registrations/" + card.getId()).with(as(account)))
                .andExpect(content().string(containsString("data-test=\"amend-form\"")))
                .andExpect(content().string(containsString("扫描件不清晰")));
        assertThat(proven.evidenceFiles()).containsExactly("files/cert.pdf");

        // cert.pdf already proves another line of the card.
        mvc.perform(amendment(card).with(as(account)).with(csrf()).param("keep-" + unproven.getId(), "files/cert.pdf"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("data-test=\"field-error\"")))
                .andExpect(content().string(containsString("同一份材料不能证明两项培训")));
        // A name with markup in the upload comes back escaped.
        mvc.perform(amendment(card).file(new MockMultipartFile("files-" + unproven.getId(),
                                "<script>alert(1)</script>.pdf", "application/pdf", "<script>alert(1)</script>".getBytes(
                                StandardCharsets.UTF_8)))
                        .with(as(account)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        assertThat(registrations.require(card.getId()).cardVersion()).isEqualTo(1);
        assertThat(openTask(card).taskKey()).isEqualTo("UserTask_AmendCard");

        mvc.perform(amendment(card).file(scan(unproven, SamplePdf.withText("clear"))).with(as(account)).with(csrf()))
                .andExpect(redirectedUrl("/annual-registrations/" + card.getId()));
        assertThat(registrations.require(card.getId()).cardVersion()).isEqualTo(2);
    }

    @Test
    void R04_outOfScopeIs404_aTeacherOnTheSchoolsPagesIs403_andAPostWithoutCsrfIs403() throws Exception {
        Teacher teacher = kunming.teacher();
        CurrentAccount teacherAccount = kunming.accountOf(teacher);
        Long batchId = batches.declare(kunming.schoolAdmin, kunming.schools.countySchool.getId(), YEAR, Set.of(), null)
                .batch().getId();
        AnnualRegistration card = registrations.ofTeacher(teacher.getId()).get(0);
        AnnualFixture other = new AnnualFixture(organisations, teachers, accounts, ledger, "kunming-2015");
        CurrentAccount otherTeacher = other.accountOf(other.teacher());

        mvc.perform(get("/annual-registrations/" + card.getId()).with(as(other.schoolAdmin))).andExpect(status().isNotFound());
        mvc.perform(get("/annual-registrations/" + card.getId()).with(as(otherTeacher))).andExpect(status().isNotFound());
        mvc.perform(get("/annual-registrations/999999999").with(as(kunming.schoolAdmin))).andExpect(status().isNotFound());
        mvc.perform(get("/annual-registrations/batches/" + batchId).with(as(other.schoolAdmin))).andExpect(status().isNotFound());
        mvc.perform(get("/annual-registrations/batches/" + batchId).with(as(teacherAccount))).andExpect(status().isForbidden());
        mvc.perform(post("/annual-registrations/batches").with(as(teacherAccount)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/annual-registrations").with(as(kunming.countyReviewer))).andExpect(status().isForbidden());
        mvc.perform(get("/annual-registrations").with(as(teacherAccount)))
                .andExpect(redirectedUrl("/annual-registrations/mine"));
        mvc.perform(get("/annual-registrations/mine").with(as(otherTeacher)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"mine-empty\"")));
        mvc.perform(get("/annual-registrations/mine").with(as(kunming.schoolAdmin))).andExpect(status().isForbidden());
        // The county reviewer sees the card (their review) with a link to the workbench once it is theirs.
        tasks.decide(openTask(card).id(), kunming.schoolAdmin, Decision.APPROVE, null);
        mvc.perform(get("/annual-registrations/" + card.getId()).with(as(kunming.countyReviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"review-link\"")))
                .andExpect(content().string(containsString("/tasks?task=" + openTask(card).id())));

        long before = jdbc.queryForObject("select count(*) from annual_batch", Long.class);
        mvc.perform(post("/annual-registrations/batches").with(as(other.schoolAdmin))).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from annual_batch", Long.class)).isEqualTo(before);
    }

    @Test
    void R33_theWorkbenchLinksAnAnnualTaskToItsCasePage() throws Exception {
        Teacher teacher = kunming.teacher();
        batches.declare(kunming.schoolAdmin, kunming.schools.countySchool.getId(), YEAR, Set.of(), null);
        AnnualRegistration card = registrations.ofTeacher(teacher.getId()).get(0);

        mvc.perform(get("/tasks").param("task", openTask(card).id()).with(as(kunming.schoolAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"case-page\" href=\"/annual-registrations/"
                        + card.getId() + "\"")));
    }

    private static MockMultipartHttpServletRequestBuilder amendment(AnnualRegistration card) {
        return multipart("/annual-registrations/" + card.getId() + "/amendments");
    }

    /** A scan uploaded for the card line of {@code entry}. */
    private static MockMultipartFile scan(LedgerEntry entry, byte[] content) {
        return new MockMultipartFile("files-" + entry.getId(), "学时证明.pdf", "application/pdf", content);
    }

    private CaseTask openTask(AnnualRegistration registration) {
        return tasks.openTask(AnnualRegistrations.PROCESS_KEY, String.valueOf(registration.getId())).orElseThrow();
    }

    private void awaitFinished(Long batchId) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (!(batches.progress(batchId).finished() && !batches.isRunning(batchId))) {
            assertThat(Instant.now()).as("batch %d finished in time", batchId).isBefore(until);
            Thread.sleep(100);
        }
    }

    private static RequestPostProcessor as(CurrentAccount account) {
        return user(account.username()).roles(account.role().name());
    }
}
