package cn.shixun.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Credit once or record the refusal" as every crediting procedure runs it, in the procedure's
 * transaction with the real ledger: what the history, the record and the ledger keep.
 */
@SpringBootTest
class CaseCreditsTest {

    private static final String PROCESS = "caseCreditsTest";
    private static final String REVIEW = "UserTask_AuthorityReview";
    private static final AtomicInteger CASES = new AtomicInteger();

    @Autowired CaseCredits credits;
    @Autowired CaseHistory history;
    @Autowired Ledger ledger;
    @Autowired RefusalText refusals;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired Clock clock;

    TransactionTemplate transaction;
    R04Schools schools;
    String caseId;

    @BeforeEach
    void setUp() {
        transaction = new TransactionTemplate(transactionManager);
        schools = new R04Schools(organisations, teachers);
        caseId = schools.prefix + "-" + CASES.incrementAndGet();
        transaction.executeWithoutResult(status -> history.record(PROCESS, caseId, REVIEW, "登记机构审核",
                CaseOutcome.APPROVED, null, "county-reviewer"));
    }

    @Test
    void R40_aCaseIsCreditedOnce_byItsApprover_andARetryAfterSuccessGetsTheSameEntry() {
        Teacher teacher = schools.teacherAt(schools.countySchool, Stage.PRIMARY);
        List<LedgerEntry> marked = new ArrayList<>();

        LedgerEntry first = creditCase(teacher, marked, new ArrayList<>());
        LedgerEntry retried = creditCase(teacher, marked, new ArrayList<>());

        assertThat(retried.getId()).isEqualTo(first.getId());
        assertThat(ledger.entriesOf(teacher.getId())).extracting(LedgerEntry::getId).containsExactly(first.getId());
        assertThat(first.decidedBy()).isEqualTo("county-reviewer");
        assertThat(marked).extracting(LedgerEntry::getId).containsExactly(first.getId(), first.getId());
        assertThat(history.of(PROCESS, caseId)).last().satisfies(line -> {
            assertThat(line.outcome()).isEqualTo(CaseOutcome.COMPLETED);
            assertThat(line.step()).isEqualTo("登记学时");
            assertThat(line.taskKey()).isEqualTo("ServiceTask_CreditHours");
            assertThat(line.comment()).isEqualTo(first.explanation());
            assertThat(line.actor()).isEqualTo(CaseHistory.SYSTEM);
        });
    }

    @Test
    void R40_aRefusalIsRecordedWithItsReason_closesTheRecord_isThrown_andTheLedgerKeepsNothing() {
        Teacher teacher = schools.teacherAt(schools.countySchool, Stage.PRIMARY);
        teachers.leavePost(teacher.getId(), LocalDate.now(clock));
        List<LedgerEntry> marked = new ArrayList<>();
        List<String> closedWith = new ArrayList<>();

        // Like a crediting delegate: the refusal goes on to the model's refusal path, the transaction commits.
        BusinessRuleException refusal = transaction.execute(status -> {
            try {
                credits.creditCase(credits.step(PROCESS, caseId, null, "登记学时"), credit(teacher), marked::add,
                        closedWith::add);
                return null;
            } catch (BusinessRuleException thrown) {
                return thrown;
            }
        });

        assertThat(refusal).isNotNull();
        assertThat(refusal.ruleId()).isEqualTo("R-01");
        assertThat(closedWith).containsExactly(refusals.forRecord(refusal));
        assertThat(history.of(PROCESS, caseId)).last().satisfies(line -> {
            assertThat(line.outcome()).isEqualTo(CaseOutcome.REFUSED);
            assertThat(line.step()).isEqualTo("登记学时");
            assertThat(line.taskKey()).isNull();
            assertThat(line.comment()).isEqualTo(refusals.forRecord(refusal)).contains("R-01");
            assertThat(line.actor()).isEqualTo(CaseHistory.SYSTEM);
        });
        assertThat(marked).isEmpty();
        assertThat(ledger.entriesOf(teacher.getId())).isEmpty();
    }

    @Test
    void R40_whenACaseCreditsSeveralTeachers_oneRefusalIsKeptWithThatTeacherAndTheOthersAreCredited() {
        Teacher left = schools.teacherAt(schools.countySchool, Stage.PRIMARY);
        Teacher inPost = schools.teacherAt(schools.countySchool, Stage.PRIMARY);
        teachers.leavePost(left.getId(), LocalDate.now(clock));
        List<String> refusedWith = new ArrayList<>();
        List<LedgerEntry> marked = new ArrayList<>();

        List<Optional<LedgerEntry>> results = transaction.execute(status -> {
            CaseCredits.Step step = credits.step(PROCESS, caseId, null, "登记学时");
            return List.of(
                    credits.creditEach(step, credit(left), () -> left.name() + "：", marked::add, refusedWith::add),
                    credits.creditEach(step, credit(inPost), () -> inPost.name() + "：", marked::add, refusedWith::add));
        });

        assertThat(results.get(0)).isEmpty();
        assertThat(results.get(1)).isPresent();
        assertThat(marked).containsExactly(results.get(1).orElseThrow());
        assertThat(refusedWith).singleElement().asString().contains("R-01");
        assertThat(ledger.entriesOf(left.getId())).isEmpty();
        assertThat(ledger.entriesOf(inPost.getId())).hasSize(1);
        assertThat(history.of(PROCESS, caseId)).last().satisfies(line -> {
            assertThat(line.outcome()).isEqualTo(CaseOutcome.REFUSED);
            assertThat(line.comment()).isEqualTo(left.name() + "：" + refusedWith.get(0));
        });
    }

    @Test
    void R40_theDeciderIsWhoeverApprovedLast_aReviewAProcessOwnerAddsAfterTheOthersIncluded() {
        transaction.executeWithoutResult(status -> history.record(PROCESS, caseId, "UserTask_ProvinceRecheck", "省级复核",
                CaseOutcome.APPROVED, null, "province-reviewer"));
        Teacher teacher = schools.teacherAt(schools.countySchool, Stage.PRIMARY);

        LedgerEntry entry = creditCase(teacher, new ArrayList<>(), new ArrayList<>());

        assertThat(entry.decidedBy()).as("no Java names the added step; the history says who approved last")
                .isEqualTo("province-reviewer");
    }

    private LedgerEntry creditCase(Teacher teacher, List<LedgerEntry> marked, List<String> closedWith) {
        return transaction.execute(status -> credits.creditCase(
                credits.step(PROCESS, caseId, "ServiceTask_CreditHours", "登记学时"), credit(teacher),
                marked::add, closedWith::add));
    }

    private CaseCredits.Credit credit(Teacher teacher) {
        LocalDate end = LocalDate.now(clock).minusDays(10);
        return new CaseCredits.Credit(teacher.getId(),
                Claim.of(ClaimKind.BUREAU_TRAINING, end).approved(true).from(end.minusDays(2)).hours("24").title("区级语文培训").build(),
                Evidence.project(PROCESS + "/" + caseId, caseId + "-" + teacher.getId(), "scan/" + caseId + ".pdf"));
    }
}
