package cn.shixun.policy;

import static cn.shixun.policy.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.shixun.organisation.Stage;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.Readable;
import cn.shixun.shared.RefusalText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The hour calculator against the real decision tables (R-12..R-24), profile by profile. */
class HourCalculatorTest {

    private final HourCalculator calculator = new HourCalculator(FileDecisions.INSTANCE);

    private CreditResult credit(TeacherPolicy teacher, Claim.Builder claim) {
        return calculator.calculate(teacher, claim.build(), PriorCredits.NONE, TODAY);
    }

    private CreditResult credit(TeacherPolicy teacher, Claim.Builder claim, PriorCredits prior) {
        return calculator.calculate(teacher, claim.build(), prior, TODAY);
    }

    private AbstractThrowableAssert<?, ?> refused(TeacherPolicy teacher, Claim.Builder claim, PriorCredits prior,
                                                  String ruleId, String field) {
        return assertThatThrownBy(() -> calculator.calculate(teacher, claim.build(), prior, TODAY))
                .isInstanceOf(BusinessRuleException.class)
                .hasFieldOrPropertyWithValue("ruleId", ruleId)
                .hasFieldOrPropertyWithValue("field", field)
                .satisfies(Readable::inBothLanguages);
    }

    private static PriorCredits alreadyInYear(ClaimKind kind, String hours) {
        return new PriorCredits() {
            @Override
            public BigDecimal creditedInYear(ClaimKind k, int year) {
                return k == kind ? new BigDecimal(hours) : BigDecimal.ZERO;
            }

            @Override
            public int unitsCredited(ClaimKind k) {
                return 0;
            }
        };
    }

    private static PriorCredits unitsSoFar(int units) {
        return new PriorCredits() {
            @Override
            public BigDecimal creditedInYear(ClaimKind k, int year) {
                return BigDecimal.ZERO;
            }

            @Override
            public int unitsCredited(ClaimKind k) {
                return units;
            }
        };
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void R12_nationalProgrammeCountsItsCertificateHours() {
        CreditResult result = credit(Fixtures.kunming(Stage.PRIMARY),
                Claim.of(ClaimKind.PROGRAMME_CERTIFIED, d("2024-07-20")).hours("60"));
        assertThat(result.hours()).isEqualByComparingTo("60.00");
        assertThat(result.ruleIds()).containsExactly("R-12");
        assertThat(result.decision().key()).isEqualTo("creditRules");
        assertThat(result.explanation()).contains("60");
    }

    @Test
    void R12_sanmenxiaRequiresProcessMaterials() {
        refused(Fixtures.sanmenxia(), Claim.of(ClaimKind.PROGRAMME_CERTIFIED, d("2024-07-20")).hours("60"),
                PriorCredits.NONE, "R-12", "processMaterials");
        CreditResult result = credit(Fixtures.sanmenxia(),
                Claim.of(ClaimKind.PROGRAMME_CERTIFIED, d("2024-07-20")).hours("60").processMaterials());
        assertThat(result.category()).isEqualTo(HourCategory.SUBJECT);
    }

    @Test
    void R13_kunmingDaysWithoutHoursCountEightPerDay() {
        CreditResult result = credit(Fixtures.kunming(Stage.PRIMARY),
                Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-03-05")).approved(true).from(d("2024-03-01")).days(3));
        assertThat(result.hours()).isEqualByComparingTo("24.00");
        assertThat(result.ruleIds()).contains("R-13");
    }

    @Test
    void R13_henanDoesNotConvertDaysAndAsksForHours() {
        refused(Fixtures.zhengzhou(Stage.PRIMARY), Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-03-05")).approved(true).days(3),
                PriorCredits.NONE, "R-13", "hours");
    }

    @Test
    void R13_moreDaysThanTheDateRangeIsRefused() {
        refused(Fixtures.kunming(Stage.PRIMARY),
                Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-03-02")).approved(true).from(d("2024-03-01")).days(3),
                PriorCredits.NONE, "R-13", "days");
    }

    @Test
    void R13_badHoursAreRefusedNamingTheField() {
        TeacherPolicy t = Fixtures.kunming(Stage.PRIMARY);
        refused(t, Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-03-02")).approved(true).hours("0"), PriorCredits.NONE, null, "hours");
        refused(t, Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-03-02")).approved(true).hours("-8"), PriorCredits.NONE, null, "hours");
        refused(t, Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-03-02")).approved(true).hours("5000"), PriorCredits.NONE, null, "hours");
        refused(t, Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-03-02")).approved(true).from(d("2024-03-01")).hours("49"),
                PriorCredits.NONE, null, "hours");
        refused(t, Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-03-01")).approved(true).from(d("2024-03-02")).hours("8"),
                PriorCredits.NONE, null, "startDate");
        refused(t, Claim.of(ClaimKind.BUREAU_TRAINING, TODAY.plusDays(1)).approved(true).hours("8"), PriorCredits.NONE, null, "endDate");
        refused(t, Claim.of(null, d("2024-03-01")).hours("8"), PriorCredits.NONE, null, "kind");
    }

    @Test
    void R14_excellentTraineeGets125PercentWithFractions() {
        CreditResult result = credit(Fixtures.kunming(Stage.PRIMARY),
                Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-05-01")).approved(true).hours("13").excellent(3, 30));
        assertThat(result.hours()).isEqualByComparingTo("16.25");
        assertThat(result.hours().scale()).isEqualTo(2);
        assertThat(result.ruleIds()).contains("R-13", "R-14");
    }

    @Test
    void R14_moreThanTenPercentExcellentIsRefused() {
        refused(Fixtures.kunming(Stage.PRIMARY),
                Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-05-01")).approved(true).hours("13").excellent(4, 30),
                PriorCredits.NONE, "R-14", "excellentCount");
    }

    @Test
    void R14_henanHasNoExcellentBonus_andTheExplanationSaysSo() {
        // The rating is a fact of the class (a school class grades its learners in every region): read, not refused.
        CreditResult result = credit(Fixtures.zhengzhou(Stage.PRIMARY),
                Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-05-01")).approved(true).hours("20").excellent(1, 30));
        assertThat(result.hours()).isEqualByComparingTo("20.00");
        assertThat(result.ruleIds()).doesNotContain("R-14");
        assertThat(result.explanation()).contains("无优秀学员加计");
    }

    @Test
    void R15_degreeStudyEarns48PerYearAtMostThreeYears() {
        TeacherPolicy t = Fixtures.kunming(Stage.PRIMARY);
        Claim.Builder year = Claim.of(ClaimKind.DEGREE_STUDY_YEAR, d("2024-07-01")).degree(DegreeLevel.BACHELOR);
        assertThat(credit(t, year).hours()).isEqualByComparingTo("48.00");
        CreditResult trimmed = credit(t, Claim.of(ClaimKind.DEGREE_STUDY_YEAR, d("2024-07-01"))
                .degree(DegreeLevel.BACHELOR).units(2), unitsSoFar(2));
        assertThat(trimmed.hours()).isEqualByComparingTo("48.00");
        assertThat(trimmed.units()).isEqualTo(1);
        refused(t, year, unitsSoFar(3), "R-15", "units");
    }

    @Test
    void R15_degreeLevelMustReachTheStagesStartingPoint() {
        refused(Fixtures.kunming(Stage.SENIOR_HIGH),
                Claim.of(ClaimKind.DEGREE_STUDY_YEAR, d("2024-07-01")).degree(DegreeLevel.BACHELOR),
                PriorCredits.NONE, "R-15", "degreeLevel");
        refused(Fixtures.kunming(Stage.JUNIOR_MIDDLE),
                Claim.of(ClaimKind.DEGREE_STUDY_YEAR, d("2024-07-01")).degree(DegreeLevel.JUNIOR_COLLEGE),
                PriorCredits.NONE, "R-15", "degreeLevel");
        assertThat(credit(Fixtures.kunming(Stage.SENIOR_HIGH),
                Claim.of(ClaimKind.DEGREE_STUDY_YEAR, d("2024-07-01")).degree(DegreeLevel.POSTGRADUATE)).hours())
                .isEqualByComparingTo("48");
    }

    @Test
    void R15_selfStudyExamEarns24PerSubject() {
        CreditResult result = credit(Fixtures.kunming(Stage.PRIMARY),
                Claim.of(ClaimKind.SELF_STUDY_EXAM, d("2024-04-20")).units(2));
        assertThat(result.hours()).isEqualByComparingTo("48.00");
        assertThat(result.ruleIds()).containsExactly("R-15");
    }

    @Test
    void R16_henanDegreeObtainedInCycleExemptsThatCycle() {
        CreditResult result = credit(Fixtures.xinxiang(d("2010-09-01")),
                Claim.of(ClaimKind.DEGREE_OBTAINED, d("2019-06-30")).from(d("2017-09-01")));
        assertThat(result.category()).isEqualTo(HourCategory.DEGREE_EXEMPTION);
        assertThat(result.hours()).isEqualByComparingTo("360");
        assertThat(result.explanation()).contains("2016-01-01至2020-12-31").contains("特殊专项培训")
                .doesNotContain("上一周期不免修");
    }

    @Test
    void R16_degreeBegunInOneCycleFinishedInTheNextExemptsTheNextOnly() {
        CreditResult result = credit(Fixtures.xinxiang(d("2010-09-01")),
                Claim.of(ClaimKind.DEGREE_OBTAINED, d("2021-06-30")).from(d("2019-09-01")));
        assertThat(result.explanation()).contains("2021-01-01至2025-12-31").contains("上一周期不免修");
    }

    @Test
    void R16_onlyAnEducationRelatedDegreeExempts() {
        refused(Fixtures.zhengzhou(Stage.PRIMARY), Claim.of(ClaimKind.DEGREE_OBTAINED, d("2020-06-30")).subjectRelated(false),
                PriorCredits.NONE, "R-16", "subjectRelated");
    }

    @Test
    void R16_kunmingHasNoDegreeExemption() {
        refused(Fixtures.kunming(Stage.PRIMARY), Claim.of(ClaimKind.DEGREE_OBTAINED, d("2024-06-30")),
                PriorCredits.NONE, "R-21", "kind");
    }

    @Test
    void R17_kunmingSchoolBasedCappedAt48AYear() {
        TeacherPolicy t = Fixtures.kunming(Stage.PRIMARY);
        CreditResult capped = credit(t, Claim.of(ClaimKind.SCHOOL_BASED, d("2024-11-01")).hours("20"),
                alreadyInYear(ClaimKind.SCHOOL_BASED, "40"));
        assertThat(capped.hours()).isEqualByComparingTo("8.00");
        assertThat(capped.capped()).isTrue();
        assertThat(capped.explanation()).contains("已达上限");
        refused(t, Claim.of(ClaimKind.SCHOOL_BASED, d("2024-11-02")).hours("4"),
                alreadyInYear(ClaimKind.SCHOOL_BASED, "48"), "R-17", "kind");
    }

    @Test
    void R17_henanSchoolSetsTheHours() {
        CreditResult result = credit(Fixtures.zhengzhou(Stage.PRIMARY),
                Claim.of(ClaimKind.SCHOOL_BASED, d("2024-11-01")).hours("60"));
        assertThat(result.hours()).isEqualByComparingTo("60");
        assertThat(result.category()).isEqualTo(HourCategory.SCHOOL_BASED);
    }

    @Test
    void R17_xinxiangCountsOnlyNetworkSchoolBased() {
        TeacherPolicy t = Fixtures.xinxiang(d("2010-09-01"));
        refused(t, Claim.of(ClaimKind.SCHOOL_BASED, d("2018-11-01")).hours("10"), PriorCredits.NONE, "R-17", "kind");
        CreditResult network = credit(t, Claim.of(ClaimKind.NETWORK_SCHOOL_BASED, d("2018-12-31")));
        assertThat(network.hours()).isEqualByComparingTo("16");
        refused(t, Claim.of(ClaimKind.NETWORK_SCHOOL_BASED, d("2018-12-31")),
                alreadyInYear(ClaimKind.NETWORK_SCHOOL_BASED, "16"), "R-17", "kind");
    }

    @Test
    void R18_trainerGetsTwiceTaughtHoursAtMost72() {
        TeacherPolicy t = Fixtures.kunming(Stage.JUNIOR_MIDDLE);
        assertThat(credit(t, Claim.of(ClaimKind.TRAINER, d("2024-06-01")).hours("12")).hours()).isEqualByComparingTo("24");
        CreditResult capped = credit(t, Claim.of(ClaimKind.TRAINER, d("2024-06-01")).hours("12"),
                alreadyInYear(ClaimKind.TRAINER, "60"));
        assertThat(capped.hours()).isEqualByComparingTo("12");
        assertThat(capped.capped()).isTrue();
    }

    @Test
    void R19_masterBaseConvener72Member48() {
        TeacherPolicy t = Fixtures.kunming(Stage.PRIMARY);
        assertThat(credit(t, Claim.of(ClaimKind.MASTER_BASE, d("2024-12-01")).role("CONVENER")).hours()).isEqualByComparingTo("72");
        assertThat(credit(t, Claim.of(ClaimKind.MASTER_BASE, d("2024-12-01")).role("MEMBER")).hours()).isEqualByComparingTo("48");
        refused(t, Claim.of(ClaimKind.MASTER_BASE, d("2024-12-01")).role("GUEST"), PriorCredits.NONE, "R-19", "role");
    }

    @Test
    void R18_R19_trainerAndMasterBaseHoursAreKunmingsAndRefusedElsewhere() {
        refused(Fixtures.zhengzhou(Stage.PRIMARY), Claim.of(ClaimKind.TRAINER, d("2024-06-01")).hours("12"),
                PriorCredits.NONE, "R-21", "kind");
        refused(Fixtures.sanmenxia(), Claim.of(ClaimKind.TRAINER, d("2024-06-01")).hours("12"),
                PriorCredits.NONE, "R-21", "kind");
        refused(Fixtures.xinxiang(d("2010-09-01")), Claim.of(ClaimKind.MASTER_BASE, d("2019-12-01")).role("CONVENER"),
                PriorCredits.NONE, "R-21", "kind");
        refused(Fixtures.sanmenxia(), Claim.of(ClaimKind.MASTER_BASE, d("2024-12-01")).role("MEMBER"),
                PriorCredits.NONE, "R-21", "kind");
    }

    @Test
    void R20_outreachFivePerSessionAtMost24() {
        TeacherPolicy t = Fixtures.kunming(Stage.PRIMARY);
        assertThat(credit(t, Claim.of(ClaimKind.OUTREACH_SESSION, d("2024-05-01")).units(3)).hours()).isEqualByComparingTo("15");
        CreditResult capped = credit(t, Claim.of(ClaimKind.OUTREACH_SESSION, d("2024-05-01")).units(3),
                alreadyInYear(ClaimKind.OUTREACH_SESSION, "20"));
        assertThat(capped.hours()).isEqualByComparingTo("4");
    }

    @Test
    void R20_supportedTeachingPerProfile() {
        assertThat(credit(Fixtures.xinxiang(d("2010-09-01")),
                Claim.of(ClaimKind.FULL_TIME_SUPPORT, d("2019-07-01")).units(1)).hours()).isEqualByComparingTo("72");
        assertThat(credit(Fixtures.kunming(Stage.PRIMARY),
                Claim.of(ClaimKind.FULL_TIME_SUPPORT, d("2024-07-01")).hours("100")).hours()).isEqualByComparingTo("100");
        refused(Fixtures.kunming(Stage.PRIMARY), Claim.of(ClaimKind.FULL_TIME_SUPPORT, d("2024-07-01")),
                PriorCredits.NONE, "R-20", "hours");
    }

    @Test
    void R21_otherCertificatesDependOnTheProfile() {
        Claim.Builder other = Claim.of(ClaimKind.PROFESSIONAL_CERTIFICATE, d("2019-05-01")).hours("30")
                .certificate("HR_CE_CERTIFICATE");
        assertThat(credit(Fixtures.kunming(Stage.PRIMARY), other).hours()).isEqualByComparingTo("30");
        refused(Fixtures.xinxiang(d("2010-09-01")), other, PriorCredits.NONE, "R-21", "certificateKind");
        CreditResult publicHours = credit(Fixtures.sanmenxia(),
                Claim.of(ClaimKind.PROFESSIONAL_CERTIFICATE, d("2024-05-01")).hours("30").certificate("HR_PUBLIC_PLATFORM"));
        assertThat(publicHours.category()).isEqualTo(HourCategory.PUBLIC);
    }

    /** Issue 14: the refusal names the certificate kind as the reader's language does, never by its code. */
    @Test
    void R21_aCertificateNotRecognisedIsNamedByItsLabelNotItsCode() {
        Claim.Builder other = Claim.of(ClaimKind.PROFESSIONAL_CERTIFICATE, d("2019-05-01")).hours("30")
                .certificate("HR_CE_CERTIFICATE");
        BusinessRuleException refusal = catchThrowableOfType(BusinessRuleException.class,
                () -> credit(Fixtures.xinxiang(d("2010-09-01")), other));
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/policy", "i18n/training");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        RefusalText refusals = new RefusalText(messages);
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            String label = messages.getMessage("enum.CertificateKind.HR_CE_CERTIFICATE", null, locale);
            LocaleContextHolder.setLocale(locale);
            try {
                assertThat(refusals.forReader(refusal)).as(locale.toString())
                        .contains(label).doesNotContain("HR_CE_CERTIFICATE").endsWith("R-21" + (locale == Locale.ENGLISH ? ")" : "）"));
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        }
    }

    @Test
    void R22_moocNeedsPassRealNameAndScreenshot() {
        TeacherPolicy t = Fixtures.xinxiang(d("2010-09-01"));
        assertThat(credit(t, Claim.of(ClaimKind.MOOC, d("2019-05-01")).hours("20").score(75)).hours()).isEqualByComparingTo("20");
        refused(t, Claim.of(ClaimKind.MOOC, d("2019-05-01")).hours("20").score(59), PriorCredits.NONE, "R-22", "score");
        refused(t, Claim.of(ClaimKind.MOOC, d("2020-05-01")).hours("20").score(80), PriorCredits.NONE, "R-22", "realName");
        assertThat(credit(t, Claim.of(ClaimKind.MOOC, d("2020-05-01")).hours("20").score(80).realName(true)).hours())
                .isEqualByComparingTo("20");
        refused(t, Claim.of(ClaimKind.MOOC, d("2019-05-01")).hours("12").score(80).screenshot(" "),
                PriorCredits.NONE, "R-22", "screenshotRef");
    }

    @Test
    void R23_unapprovedNonNationalAndRemedialEarnNothing() {
        TeacherPolicy t = Fixtures.kunming(Stage.PRIMARY);
        refused(t, Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-05-01")).hours("8").approved(false),
                PriorCredits.NONE, "R-23", "approvedByEducationAuthority");
        refused(t, Claim.of(ClaimKind.DEGREE_STUDY_YEAR, d("2024-05-01")).degree(DegreeLevel.BACHELOR).nationalSeries(false),
                PriorCredits.NONE, "R-23", "nationalSeries");
        refused(t, Claim.of(ClaimKind.DEGREE_STUDY_YEAR, d("2024-05-01")).degree(DegreeLevel.BACHELOR).remedial(),
                PriorCredits.NONE, "R-23", "remedial");
        refused(t, Claim.of(ClaimKind.PROFESSIONAL_CERTIFICATE, d("2024-05-01")).hours("8").certificate("SOCIAL_TRAINING_BODY"),
                PriorCredits.NONE, "R-23", "certificateKind");
    }

    @Test
    void R23_aTrainingRunOrApprovedByAnAuthorityMustSayWhich_silenceIsNotApproval() {
        // Before: a bureau training that said nothing about its approval was credited as approved.
        refused(Fixtures.kunming(Stage.PRIMARY), Claim.of(ClaimKind.BUREAU_TRAINING, d("2024-05-01")).hours("8"),
                PriorCredits.NONE, "R-23", "approvedByEducationAuthority")
                .hasFieldOrPropertyWithValue("messageKey", "policy.invalid.approval-required");
        refused(Fixtures.sanmenxia(), Claim.of(ClaimKind.SUBJECT_TRAINING, d("2024-05-01")).hours("8"),
                PriorCredits.NONE, "R-23", "approvedByEducationAuthority");
        // A kind that names its organiser needs no such statement.
        assertThat(credit(Fixtures.kunming(Stage.PRIMARY), Claim.of(ClaimKind.PROGRAMME_CERTIFIED, d("2024-05-01"))
                .hours("8")).hours()).isEqualByComparingTo("8");
    }

    @Test
    void R20_anOutreachClaimCountsUnits_sessionsGivenInsteadAreRefusedNotIgnored() {
        // Before: "sessions": 3 was dropped and the claim credited as one session (5 h).
        refused(Fixtures.kunming(Stage.PRIMARY), Claim.of(ClaimKind.OUTREACH_SESSION, d("2024-05-01")).sessions(3),
                PriorCredits.NONE, "R-20", "sessions")
                .hasFieldOrPropertyWithValue("messageKey", "policy.invalid.field-not-used");
        assertThat(ClaimFields.readBy(ClaimKind.OUTREACH_SESSION,
                FileDecisions.INSTANCE.creditRule(Fixtures.kunming(Stage.PRIMARY).key(), ClaimKind.OUTREACH_SESSION, null)))
                .contains("units").doesNotContain("sessions");
    }

    @Test
    void aFieldTheKindReadsIsAccepted_theSameFieldOnAKindThatDoesNotReadItIsRefused() {
        // Sanmenxia's ethics education needs its sessions; a programme certificate has none.
        assertThat(credit(Fixtures.sanmenxia(), Claim.of(ClaimKind.ETHICS_EDUCATION, d("2024-05-01")).hours("10")
                .sessions(3).processMaterials()).hours()).isEqualByComparingTo("10");
        refused(Fixtures.kunming(Stage.PRIMARY), Claim.of(ClaimKind.PROGRAMME_CERTIFIED, d("2024-05-01")).hours("8")
                .sessions(3), PriorCredits.NONE, "R-12", "sessions");
        refused(Fixtures.kunming(Stage.PRIMARY), Claim.of(ClaimKind.PROGRAMME_CERTIFIED, d("2024-05-01")).hours("8")
                .score(90), PriorCredits.NONE, "R-12", "score");
    }

    @Test
    void R24_onlineWholeStaffPassRegistersItsHours() {
        TeacherPolicy t = Fixtures.zhengzhou(Stage.PRIMARY);
        assertThat(credit(t, Claim.of(ClaimKind.ONLINE_WHOLE_STAFF, d("2019-04-30")).hours("60").passed(true)).hours())
                .isEqualByComparingTo("60");
        refused(t, Claim.of(ClaimKind.ONLINE_WHOLE_STAFF, d("2019-04-30")).hours("60").passed(false),
                PriorCredits.NONE, "R-24", "passed");
    }

    @Test
    void R10_sanmenxiaEthicsNeedsThreeSessionsAndMaterials() {
        TeacherPolicy t = Fixtures.sanmenxia();
        refused(t, Claim.of(ClaimKind.ETHICS_EDUCATION, d("2024-05-01")).hours("10").processMaterials().sessions(2),
                PriorCredits.NONE, "R-10", "sessions");
        CreditResult ok = credit(t, Claim.of(ClaimKind.ETHICS_EDUCATION, d("2024-05-01")).hours("10").processMaterials().sessions(3));
        assertThat(ok.category()).isEqualTo(HourCategory.ETHICS);
    }

    @Test
    void R09_newTeacherAndPrincipalTrainingHaveTheirOwnCategories() {
        TeacherPolicy t = Fixtures.kunming(Stage.PRIMARY);
        assertThat(credit(t, Claim.of(ClaimKind.NEW_TEACHER_TRAINING, d("2024-08-20")).hours("120")).category())
                .isEqualTo(HourCategory.NEW_TEACHER);
        assertThat(credit(t, Claim.of(ClaimKind.PRINCIPAL_TRAINING, d("2024-08-20")).hours("300")).category())
                .isEqualTo(HourCategory.PRINCIPAL);
    }

    @Test
    void R11_newTeacherTrainingBeforeTheHireDateIsRefused() {
        TeacherPolicy t = new TeacherPolicy(9L, Fixtures.HENAN, Fixtures.ZHENGZHOU, Stage.PRIMARY, d("2024-09-01"), null, null);
        refused(t, Claim.of(ClaimKind.NEW_TEACHER_TRAINING, d("2024-08-20")).hours("40"), PriorCredits.NONE, "R-11", "endDate");
        assertThat(credit(t, Claim.of(ClaimKind.NEW_TEACHER_TRAINING, d("2024-10-20")).hours("40")).category())
                .isEqualTo(HourCategory.NEW_TEACHER);
    }

    @Test
    void R20_zhengzhouOutreachHoursComeFromTheOrganisersNotice() {
        TeacherPolicy t = Fixtures.zhengzhou(Stage.PRIMARY);
        assertThat(credit(t, Claim.of(ClaimKind.OUTREACH_SESSION, d("2024-05-01")).hours("12")).hours()).isEqualByComparingTo("12");
        refused(t, Claim.of(ClaimKind.OUTREACH_SESSION, d("2024-05-01")).units(2), PriorCredits.NONE, "R-20", "hours");
    }

    @Test
    void R16_specialTrainingIsStillCreditedInHenan() {
        CreditResult special = credit(Fixtures.zhengzhou(Stage.PRIMARY),
                Claim.of(ClaimKind.SPECIAL_TRAINING, d("2024-05-01")).hours("24"));
        assertThat(special.category()).isEqualTo(HourCategory.SPECIAL);
    }
}
