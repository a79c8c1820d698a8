package cn.shixun.annual;

import static cn.shixun.annual.AnnualFixture.YEAR;
import static cn.shixun.annual.AnnualFixture.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.annual.AnnualRegistrations.Attachment;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.ClaimKind;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every refusal of the annual registration names its field and rule and writes nothing: no
 * registration, no batch, no card line, no history line, no process instance. The tests'
 * "today" is 2026-10-15 ({@code shixun.clock.fixed}).
 */
@SpringBootTest
class R33AnnualRefusalTest {

    @Autowired AnnualRegistrations registrations;
    @Autowired RegistrationProgress caseProgress;
    @Autowired AnnualBatches batches;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired EvidenceFiles evidence;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    AnnualFixture kunming;
    Teacher teacher;
    CurrentAccount account;

    @BeforeEach
    void setUp() {
        kunming = new AnnualFixture(organisations, teachers, accounts, ledger, "kunming-2015");
        teacher = kunming.teacher();
        account = kunming.accountOf(teacher);
    }

    @Test
    void R01_aTeacherWithoutAQualificationCertificateIsNotRegistrable() {
        Teacher uncertified = kunming.uncertifiedTeacher();
        refused(() -> registrations.submit(kunming.accountOf(uncertified), YEAR, false, List.of(), null), "R-01", "teacherId");
    }

    @Test
    void R33_aYearNotYetBegunIsRefused() {
        refused(() -> registrations.submit(account, YEAR + 1, false, List.of(), null), "R-33", "year");
        refused(() -> registrations.submit(account, null, false, List.of(), null), "R-33", "year");
    }

    @Test
    void R33_afterTheProfilesDeadlineACardIsRefused_kunming31October() {
        // 2025's card was due 2025-10-31.
        refused(() -> registrations.submit(account, YEAR - 1, false, List.of(), null), "R-33", "year");
        refused(() -> batches.declare(kunming.schoolAdmin, kunming.schools.countySchool.getId(), YEAR - 1, Set.of(), null),
                "R-33", "year");
    }

    @Test
    void R33_aLateFilingBeforeTheDeadlineIsRefused_theCardIsSimplyInTime_andNothingIsWritten() {
        // 15 October: Kunming's cards are due 31 October, so there is nothing to file late (补报).
        long before = count("annual_registration");
        refused(() -> registrations.submit(account, YEAR, false, List.of(), "想先补报"), "R-33", "lateReason");
        refused(() -> batches.declare(kunming.schoolAdmin, kunming.schools.countySchool.getId(), YEAR, Set.of(),
                "想先补报"), "R-33", "lateReason");
        assertThat(count("annual_registration")).isEqualTo(before);
    }

    @Test
    void R33_aSanmenxiaPromotionCandidateIsLateAfter31August_whileOthersMayStillSubmit() {
        AnnualFixture sanmenxia = new AnnualFixture(organisations, teachers, accounts, ledger, "sanmenxia-2023");
        Teacher candidate = sanmenxia.teacher();
        refused(() -> registrations.submit(sanmenxia.accountOf(candidate), YEAR, true, List.of(), null), "R-33",
                "promotionCandidate");
        refused(() -> batches.declare(sanmenxia.schoolAdmin, sanmenxia.schools.countySchool.getId(), YEAR,
                Set.of(candidate.getId()), null), "R-33", "promotionCandidateIds");
        // Not a candidate: the 20 November date applies and the card is taken.
        AnnualRegistration taken = registrations.submit(sanmenxia.accountOf(candidate), YEAR, false, List.of(), null);
        assertThat(AnnualStanding.of(registrations, caseProgress, taken.getId())).isEqualTo("OPEN@UserTask_SchoolReview");
    }

    @Test
    void R33_aSecondCardForTheSameYearIsRefused() {
        registrations.submit(account, YEAR, false, List.of(), null);
        long before = count("annual_registration");
        assertThatThrownBy(() -> registrations.submit(account, YEAR, false, List.of(), null))
                .isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT);
                    assertThat(refusal.ruleId()).isEqualTo("R-33");
                });
        assertThat(count("annual_registration")).isEqualTo(before);
    }

    @Test
    void R33_aLineWithoutEvidenceIsRefused_andNamed() {
        kunming.ownHours(teacher, ClaimKind.SCHOOL_BASED, "32", day(5, 1));
        assertThatThrownBy(() -> registrations.submit(account, YEAR, false, List.of(), null))
                .isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
                    assertThat(refusal.ruleId()).isEqualTo("R-33");
                    assertThat(refusal.field()).isEqualTo("attachments");
                    assertThat(refusal.messageArgs()).containsExactly("校本研修 32");
                });
        assertNothingWritten();
    }

    @Test
    void R40_theSameScanForTwoLinesIsRefused() {
        LedgerEntry first = kunming.ownHours(teacher, ClaimKind.SCHOOL_BASED, "16", day(5, 1));
        LedgerEntry second = kunming.ownHours(teacher, ClaimKind.SCHOOL_BASED, "16", day(6, 1));
        String proof = StoredEvidence.of(evidence, teacher.getId());
        refused(() -> registrations.submit(account, YEAR, false, List.of(
                new Attachment(first.getId(), List.of(proof)),
                new Attachment(second.getId(), List.of(proof))), null), "R-40", "attachments[1].files");
    }

    @Test
    void R40_anAttachmentMustBeTheTeachersOwnEvidenceFile_aTypedNameOrAnotherTeachersFileIsRefused() {
        LedgerEntry own = kunming.ownHours(teacher, ClaimKind.SCHOOL_BASED, "16", day(5, 1));
        Teacher colleague = kunming.teacher();
        for (String file : List.of("files/proof.pdf", StoredEvidence.of(evidence, colleague.getId()),
                StoredEvidence.ofOrganisation(evidence, kunming.schools.countySchool.getId()))) {
            refused(() -> registrations.submit(account, YEAR, false, List.of(new Attachment(own.getId(), List.of(file))), null),
                    "R-40", "attachments[0].files");
        }
        assertNothingWritten();
    }

    @Test
    void R33_anAttachmentForAnEntryNotOnTheCardIsRefused() {
        LedgerEntry lastYear = kunming.ownHours(teacher, ClaimKind.SCHOOL_BASED, "16", day(5, 1).minusYears(1),
                "files/2025.pdf");
        refused(() -> registrations.submit(account, YEAR, false, List.of(
                new Attachment(lastYear.getId(), List.of(StoredEvidence.of(evidence, teacher.getId())))), null), "R-33",
                "attachments[0].entryId");
    }

    @Test
    void R04_aSchoolOutsideTheAccountsScopeCannotBeDeclared_norByATeacher() {
        CurrentAccount otherSchool = kunming.adminOf(kunming.schools.cityMiddleSchool);
        assertThatThrownBy(() -> batches.declare(otherSchool, kunming.schools.countySchool.getId(), YEAR, Set.of(), null))
                .isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(BusinessRuleException.Kind.FORBIDDEN);
                    assertThat(refusal.field()).isEqualTo("schoolId");
                });
        assertThatThrownBy(() -> batches.declare(account, kunming.schools.countySchool.getId(), YEAR, Set.of(), null))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refusal -> assertThat(refusal.kind()).isEqualTo(BusinessRuleException.Kind.FORBIDDEN));
        assertNothingWritten();
    }

    @Test
    void R33_aPromotionCandidateFromAnotherSchoolIsRefused() {
        Teacher elsewhere = kunming.teacherAt(kunming.schools.cityMiddleSchool, cn.shixun.organisation.Stage.JUNIOR_MIDDLE);
        refused(() -> batches.declare(kunming.schoolAdmin, kunming.schools.countySchool.getId(), YEAR,
                Set.of(elsewhere.getId()), null), "R-33", "promotionCandidateIds");
    }

    @Test
    void R33_onlyATeacherSubmitsACard() {
        assertThatThrownBy(() -> registrations.submit(kunming.schoolAdmin, YEAR, false, List.of(), null))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refusal -> assertThat(refusal.kind()).isEqualTo(BusinessRuleException.Kind.FORBIDDEN));
    }

    private void refused(Executable action, String ruleId, String field) {
        long registrationsBefore = count("annual_registration");
        assertThatThrownBy(action::execute).isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
            assertThat(refusal.ruleId()).isEqualTo(ruleId);
            assertThat(refusal.field()).isEqualTo(field);
        });
        assertThat(count("annual_registration")).isEqualTo(registrationsBefore);
        assertNothingWritten();
    }

    /** Nothing of this fixture's schools: no batch, registration, card line, history line or process. */
    private void assertNothingWritten() {
        List<Long> schools = List.of(kunming.schools.countySchool.getId(), kunming.schools.cityMiddleSchool.getId());
        for (Long school : schools) {
            assertThat(jdbc.queryForObject("select count(*) from annual_batch where school_id = ?", Long.class, school))
                    .isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from annual_registration where teacher_id = ?", Long.class,
                teacher.getId())).isZero();
        assertThat(tasks.createTaskQuery().processDefinitionKey(AnnualRegistrations.PROCESS_KEY)
                .taskCandidateGroup("school-admin:" + kunming.schools.countySchool.code()).count()).isZero();
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
