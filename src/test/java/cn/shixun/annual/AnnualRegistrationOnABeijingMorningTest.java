package cn.shixun.annual;

import static cn.shixun.annual.AnnualFixture.YEAR;
import static cn.shixun.annual.AnnualFixture.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.ClaimKind;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TimeZone;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One clock (issue 11): at 07:30 in Beijing on 15 October a server whose own zone is UTC is still
 * on 14 October. A whole annual registration on such a server — the school declares, the school and
 * the county approve, the year is registered and published — keeps Beijing's date throughout: hours
 * dated 15 October are not "in the future", they are on the card, and the year is registered as of
 * 15 October. The business clock is pinned to that morning and the JVM's default zone set to UTC
 * while the context runs (the clock is this class's own: a Spring context and engine of its own).
 */
@SpringBootTest(properties = {"shixun.clock.fixed=2026-10-15T07:30+08:00",
        "camunda.bpm.process-engine-name=" + AnnualRegistrationOnABeijingMorningTest.ENGINE})
class AnnualRegistrationOnABeijingMorningTest {

    static final String ENGINE = "beijingMorning";
    private static final LocalDate BEIJING_TODAY = LocalDate.of(2026, 10, 15);
    private static TimeZone machineZone;

    @Autowired Clock clock;
    @Autowired AnnualBatches batches;
    @Autowired AnnualRegistrations registrations;
    @Autowired CaseTasks tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired EvidenceFiles evidence;

    /** Before the context starts, so that the whole application runs as on a server in UTC. */
    @BeforeAll
    static void serverInUtc() {
        machineZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
    }

    @AfterAll
    static void machineZoneAgain() {
        TimeZone.setDefault(machineZone);
    }

    @Test
    void R33_aWholeRegistrationOnABeijingMorning_recordsTheBeijingDate_whileTheServerIsStillOnYesterdayInUtc() {
        assertThat(ZoneId.systemDefault().normalized()).isEqualTo(ZoneOffset.UTC);
        assertThat(LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault())).as("the server's own date")
                .isEqualTo(BEIJING_TODAY.minusDays(1));
        AnnualFixture kunming = new AnnualFixture(organisations, teachers, accounts, ledger, "kunming-2015");
        Teacher teacher = kunming.teacher();
        kunming.projectHours(teacher, ClaimKind.BUREAU_TRAINING, "40", day(4, 15));
        LedgerEntry thisMorning = kunming.ownHours(teacher, ClaimKind.SCHOOL_BASED, "32", BEIJING_TODAY,
                StoredEvidence.of(evidence, teacher.getId()));
        assertThat(thisMorning.entryDate()).as("hours of Beijing's today are not refused as future")
                .isEqualTo(BEIJING_TODAY);

        AnnualBatches.Progress declared = batches.declare(kunming.schoolAdmin, kunming.schools.countySchool.getId(),
                YEAR, Set.of(), null);

        assertThat(declared.items()).containsEntry(BatchItem.Outcome.STARTED, 1L);
        Long id = batches.items(declared.batch().getId()).get(0).registrationId();
        AnnualRegistration card = registrations.require(id);
        assertThat(registrations.currentCard(card)).as("the card holds the year's hours up to Beijing's today")
                .extracting(CardItem::entryDate, CardItem::hours)
                .containsExactlyInAnyOrder(tuple(day(4, 15), new BigDecimal("40.00")),
                        tuple(BEIJING_TODAY, new BigDecimal("32.00")));
        assertThat(registrations.yearStatus(card).date()).isEqualTo(BEIJING_TODAY);

        tasks.decide(openTask(id).id(), kunming.schoolAdmin, Decision.APPROVE, "逐项核对无误");
        CaseTask authorityReview = openTask(id);
        assertThat(authorityReview.taskKey()).isEqualTo("UserTask_AuthorityReview");
        tasks.decide(authorityReview.id(), kunming.countyReviewer, Decision.APPROVE, "同意登记");
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id)).list()
                .forEach(instance -> management.createJobQuery().processInstanceId(instance.getId()).messages()
                        .list().forEach(job -> management.executeJob(job.getId())));

        AnnualRegistration done = registrations.require(id);
        assertThat(done.status()).isEqualTo(RegistrationStatus.PUBLISHED);
        assertThat(done.resultAsOf()).as("registered as of Beijing's date").isEqualTo(BEIJING_TODAY);
        assertThat(done.resultYearTotal()).as("this morning's hours counted").isEqualByComparingTo("72");
        assertThat(done.resultMet()).isTrue();
    }

    private CaseTask openTask(Long id) {
        return tasks.openTask(AnnualRegistrations.PROCESS_KEY, String.valueOf(id)).orElseThrow();
    }
}
