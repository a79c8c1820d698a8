package cn.shixun.cycleverification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.cycleverification.process.CycleVerificationProcess;
import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * R-34 declarations that must be refused with the field and rule at fault, writing nothing: no
 * batch, no verification, no process. Also what a whole-school declaration leaves out, and that
 * a repeated request returns the batch made the first time.
 */
@SpringBootTest
class R34DeclarationRefusalTest {

    @Autowired Clock clock;
    @Autowired CycleVerifications verifications;
    @Autowired VerificationBatches batches;
    @Autowired CycleVerificationRepository verificationRows;
    @Autowired VerificationBatchRepository batchRows;
    @Autowired RuntimeService runtime;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;

    VerificationFixture data;
    Teacher complete;

    @BeforeEach
    void setUp() {
        data = new VerificationFixture(organisations, teachers, accounts, ledger, LocalDate.now(clock));
        complete = data.completeTeacher();
    }

    @Test
    void R04_aSchoolOutsideTheAccountsScopeIsRefused() {
        CurrentAccount otherAdmin = data.adminOf(data.schools.cityMiddleSchool);
        assertRefusedWritingNothing(() -> batches.declare(otherAdmin, data.declare(complete)),
                BusinessRuleException.Kind.FORBIDDEN, "R-04", "schoolId");
    }

    @Test
    void R34_onlyTheSchoolDeclares() {
        assertRefusedWritingNothing(() -> batches.declare(data.countyReviewer, data.declare(complete)),
                BusinessRuleException.Kind.FORBIDDEN, "R-34", "schoolId");
    }

    @Test
    void R04_aTeacherOfAnotherSchoolCannotBeListed() {
        Teacher elsewhere = data.teacherWith(data.schools.cityMiddleSchool, Stage.JUNIOR_MIDDLE, "280", "80");
        assertRefusedWritingNothing(() -> batches.declare(data.schoolAdmin, new Declaration(
                        data.schools.countySchool.getId(), data.periodFrom, data.periodTo,
                        List.of(complete.getId(), elsewhere.getId()), null)),
                BusinessRuleException.Kind.FORBIDDEN, "R-04", "teacherIds[1]");
    }

    @Test
    void R01_anUnregistrableTeacherIsRefused() {
        Teacher uncertified = teachers.hire(data.schools.prefix + "U1", "无证教师", "男",
                data.schools.countySchool.getId(), Stage.PRIMARY, "数学", null, LocalDate.of(2005, 9, 1));
        assertRefusedWritingNothing(() -> batches.declare(data.schoolAdmin, data.declare(complete, uncertified)),
                BusinessRuleException.Kind.RULE_VIOLATION, "R-01", "teacherIds[1]");
    }

    @Test
    void R34_aPeriodThatHasNotEndedIsRefused() {
        assertRefusedWritingNothing(() -> batches.declare(data.schoolAdmin, new Declaration(
                        complete.schoolId(), data.periodFrom, LocalDate.now(clock), List.of(complete.getId()), null)),
                BusinessRuleException.Kind.RULE_VIOLATION, "R-34", "periodTo");
    }

    @Test
    void R34_R08_aTeacherWhoseCycleHasNotEndedIsRefused() {
        Teacher midCycle = data.schools.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        teachers.recordCertificateIssued(midCycle.getId(), LocalDate.now(clock).minusYears(2));
        assertRefusedWritingNothing(() -> batches.declare(data.schoolAdmin, data.declare(midCycle, complete)),
                BusinessRuleException.Kind.RULE_VIOLATION, "R-34", "teacherIds[0]");
    }

    @Test
    void R34_aCycleAlreadyVerifiedIsRefused() {
        // A paper certificate was issued 20 days ago: the cycle that ended in the period was verified then.
        Teacher certified = data.schools.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        teachers.recordCertificateIssued(certified.getId(), LocalDate.now(clock).minusDays(20));
        assertRefusedWritingNothing(() -> batches.declare(data.schoolAdmin, data.declare(certified)),
                BusinessRuleException.Kind.CONFLICT, "R-34", "teacherIds[0]");
    }

    @Test
    void R34_aTeacherAlreadyInAVerificationIsRefused_namingTheStepItIsAtAsTheProcessHasIt() {
        batches.declare(data.schoolAdmin, data.declare(complete));
        assertRefusedWritingNothing(() -> batches.declare(data.schoolAdmin, data.declare(complete)),
                BusinessRuleException.Kind.CONFLICT, "R-34", "teacherIds[0]");
        assertThatThrownBy(() -> batches.declare(data.schoolAdmin, data.declare(complete)))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refusal -> assertThat(refusal.messageArgs()).contains("县级复查中"));
        assertThat(batches.prospects(data.schoolAdmin, complete.schoolId(), data.periodFrom, data.periodTo))
                .filteredOn(prospect -> prospect.teacher().getId().equals(complete.getId())).singleElement()
                .satisfies(prospect -> assertThat(prospect.reason()).contains("县级复查中"));
    }

    @Test
    void R34_theSameTeacherTwiceInABatchIsRefused() {
        assertRefusedWritingNothing(() -> batches.declare(data.schoolAdmin, data.declare(complete, complete)),
                BusinessRuleException.Kind.CONFLICT, "R-34", "teacherIds[1]");
    }

    @Test
    void R34_aWholeSchoolDeclarationTakesWhoQualifiesAndSaysWhyTheOthersAreLeftOut() {
        Teacher shortOfHours = data.teacherWith(data.schools.countySchool, Stage.PRIMARY, "100", "0");
        Teacher midCycle = data.schools.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        teachers.recordCertificateIssued(midCycle.getId(), LocalDate.now(clock).minusYears(2));

        VerificationDeclarations.Declared declared = batches.declare(data.schoolAdmin, new Declaration(
                data.schools.countySchool.getId(), data.periodFrom, data.periodTo, null, "2026-all"));

        assertThat(declared.verifications()).extracting(CycleVerification::teacherId)
                .containsExactly(complete.getId(), shortOfHours.getId());
        assertThat(declared.verifications().get(1).hoursMet()).isFalse();
        assertThat(declared.verifications().get(1).missing()).contains("还差 260.00 学时", "还差 80.00 学时");
        assertThat(declared.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.teacherId()).isEqualTo(midCycle.getId());
            assertThat(skipped.reason()).contains("没有在", "期满的培训周期").endsWith("）（R-34）");
        });

        VerificationDeclarations.Declared again = batches.declare(data.schoolAdmin, new Declaration(
                data.schools.countySchool.getId(), data.periodFrom, data.periodTo, null, "2026-all"));
        assertThat(again.batch().getId()).isEqualTo(declared.batch().getId());
        assertThat(again.verifications()).hasSize(2);
        assertThat(again.verifications()).allSatisfy(v -> assertThat(runtime.createProcessInstanceQuery()
                .processDefinitionKey(CycleVerificationProcess.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(v.getId())).count()).isEqualTo(1));
        // Without a request id the same declaration finds nobody left to declare.
        assertRefusedWritingNothing(() -> batches.declare(data.schoolAdmin, new Declaration(
                        data.schools.countySchool.getId(), data.periodFrom, data.periodTo, null, null)),
                BusinessRuleException.Kind.RULE_VIOLATION, "R-34", "periodTo");
    }

    private void assertRefusedWritingNothing(ThrowingCallable declaration, BusinessRuleException.Kind kind,
                                             String ruleId, String field) {
        long batches = batchRows.count();
        long rows = verificationRows.count();
        long instances = runtime.createProcessInstanceQuery()
                .processDefinitionKey(CycleVerificationProcess.PROCESS_ID).count();
        assertThatThrownBy(declaration).isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
            assertThat(refusal.kind()).isEqualTo(kind);
            assertThat(refusal.ruleId()).isEqualTo(ruleId);
            assertThat(refusal.field()).isEqualTo(field);
        });
        assertThat(batchRows.count()).isEqualTo(batches);
        assertThat(verificationRows.count()).isEqualTo(rows);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CycleVerificationProcess.PROCESS_ID)
                .count()).isEqualTo(instances);
    }
}
