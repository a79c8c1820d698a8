package cn.shixun.exemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.security.Accounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Starting an application is refused, with the field and rule, and writes nothing (no row, no process). */
@SpringBootTest
class R30ApplicationRefusalTest {

    @Autowired Clock clock;
    @Autowired DegreeExemptions exemptions;
    @Autowired EvidenceFiles evidence;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;
    @Autowired CaseTasks cases;

    ExemptionFixture data;
    Teacher teacher;

    @BeforeEach
    void setUp() {
        data = new ExemptionFixture(organisations, teachers, accounts, evidence, "henan-2016");
        teacher = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
    }

    @Test
    void R30_unknownTeacherIsNotFound() {
        refused(() -> exemptions.apply(-1L, "nobody", ExemptionFixture.diploma()), null, "teacherId",
                BusinessRuleException.Kind.NOT_FOUND);
    }

    @Test
    void R01_unregistrableTeacherIsRefused() {
        Teacher uncertified = data.uncertifiedTeacher();
        refused(() -> exemptions.apply(uncertified.getId(), "u", ExemptionFixture.diploma()), "R-01", null,
                BusinessRuleException.Kind.RULE_VIOLATION);
    }

    @Test
    void R30_eachMissingPieceOfEvidenceIsNamed() {
        Diploma d = ExemptionFixture.diploma();
        missing(() -> new Diploma(" ", d.degreeLevel(), d.major(), true, d.studyStart(), d.studyEnd(), d.certificateNumber(), d.diplomaFile()), "institution");
        missing(() -> new Diploma(d.institution(), null, d.major(), true, d.studyStart(), d.studyEnd(), d.certificateNumber(), d.diplomaFile()), "degreeLevel");
        missing(() -> new Diploma(d.institution(), d.degreeLevel(), null, true, d.studyStart(), d.studyEnd(), d.certificateNumber(), d.diplomaFile()), "major");
        missing(() -> new Diploma(d.institution(), d.degreeLevel(), d.major(), true, null, d.studyEnd(), d.certificateNumber(), d.diplomaFile()), "studyStart");
        missing(() -> new Diploma(d.institution(), d.degreeLevel(), d.major(), true, d.studyStart(), null, d.certificateNumber(), d.diplomaFile()), "studyEnd");
        missing(() -> new Diploma(d.institution(), d.degreeLevel(), d.major(), true, d.studyStart(), d.studyEnd(), "", d.diplomaFile()), "certificateNumber");
        missing(() -> new Diploma(d.institution(), d.degreeLevel(), d.major(), true, d.studyStart(), d.studyEnd(), d.certificateNumber(), null), "diplomaFile");
        refused(() -> exemptions.apply(teacher.getId(), "t", null), "R-30", "certificateNumber",
                BusinessRuleException.Kind.RULE_VIOLATION);
    }

    @Test
    void R30_studyDatesMustBeInOrderAndPast() {
        Diploma d = ExemptionFixture.diploma();
        refused(() -> exemptions.apply(teacher.getId(), "t", new Diploma(d.institution(), d.degreeLevel(), d.major(), true,
                d.studyEnd(), d.studyStart(), d.certificateNumber(), d.diplomaFile())), "R-30", "studyEnd",
                BusinessRuleException.Kind.RULE_VIOLATION);
        refused(() -> exemptions.apply(teacher.getId(), "t", new Diploma(d.institution(), d.degreeLevel(), d.major(), true,
                d.studyStart(), LocalDate.now(clock).plusDays(30), d.certificateNumber(), d.diplomaFile())), "R-30", "studyEnd",
                BusinessRuleException.Kind.RULE_VIOLATION);
    }

    @Test
    void R16_onlyAnEducationRelatedDegreeMayBeApplied() {
        Diploma d = ExemptionFixture.diploma();
        refused(() -> exemptions.apply(teacher.getId(), "t", new Diploma(d.institution(), d.degreeLevel(), "会计学", false,
                d.studyStart(), d.studyEnd(), d.certificateNumber(), d.diplomaFile())), "R-16", "educationRelated",
                BusinessRuleException.Kind.RULE_VIOLATION);
    }

    @Test
    void R40_theSameCertificateCannotBeAppliedWithTwiceUnlessTheFirstWasRejected() {
        Diploma d = data.diplomaOf(teacher.getId());
        DegreeExemption first = exemptions.apply(teacher.getId(), data.usernameOf(teacher), d);
        Teacher colleague = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        refused(() -> exemptions.apply(colleague.getId(), "c", d), "R-40", "certificateNumber",
                BusinessRuleException.Kind.CONFLICT);

        cases.decide(exemptions.openTask(first.getId()).orElseThrow().id(), data.schoolAdmin, Decision.REJECT, "扫描件缺页");
        assertThat(exemptions.apply(teacher.getId(), data.usernameOf(teacher), d).status())
                .isEqualTo(ExemptionStatus.OPEN);
    }

    @Test
    void R40_aCertificateNumberDifferingOnlyByCaseFullWidthFormsOrAnInvisibleCharacterIsTheSameCertificate() {
        Diploma d = data.diplomaOf(teacher.getId());
        exemptions.apply(teacher.getId(), data.usernameOf(teacher), d);
        Teacher colleague = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        Diploma colleagues = data.diplomaOf(colleague.getId());
        String number = d.certificateNumber();
        for (String variant : List.of(number.toLowerCase(java.util.Locale.ROOT), fullWidth(number),
                number.substring(0, 3) + "\u200b" + number.substring(3), " " + number.replace("-", "\uff0d") + "\ufeff")) {
            refused(() -> exemptions.apply(colleague.getId(), "c", new Diploma(d.institution(), d.degreeLevel(), d.major(),
                            true, d.studyStart(), d.studyEnd(), variant, colleagues.diplomaFile())), "R-40",
                    "certificateNumber", BusinessRuleException.Kind.CONFLICT);
        }
    }

    /** ASCII letters and digits as their full-width forms (U+FF21...), as a Chinese input method types them. */
    private static String fullWidth(String text) {
        StringBuilder wide = new StringBuilder();
        text.chars().forEach(c -> wide.append(Character.isLetterOrDigit(c) && c < 128 ? (char) (c + 0xFEE0) : (char) c));
        return wide.toString();
    }

    @Test
    void R15_whereTheProfileSetsDegreeLevelsAMiddleSchoolTeachersJuniorCollegeDegreeIsRefused() {
        ExemptionFixture kunming = new ExemptionFixture(organisations, teachers, accounts, evidence, "kunming-2015");
        Teacher middle = kunming.teacherAt(kunming.schools.cityMiddleSchool, Stage.JUNIOR_MIDDLE);
        refused(() -> exemptions.apply(middle.getId(), "m", ExemptionFixture.diploma(DegreeLevel.JUNIOR_COLLEGE)), "R-15",
                "degreeLevel", BusinessRuleException.Kind.RULE_VIOLATION);
        assertThat(exemptions.apply(middle.getId(), "m", kunming.diplomaOf(middle.getId(), DegreeLevel.BACHELOR))
                .status())
                .isEqualTo(ExemptionStatus.OPEN);
    }

    @Test
    void R15_theHenanProfileSetsNoLevelForADegreeExemption() {
        Teacher middle = data.teacherAt(data.schools.cityMiddleSchool, Stage.JUNIOR_MIDDLE);
        assertThat(exemptions.apply(middle.getId(), "m", data.diplomaOf(middle.getId(), DegreeLevel.JUNIOR_COLLEGE))
                .status())
                .isEqualTo(ExemptionStatus.OPEN);
    }

    @Test
    void R40_aMadeUpScanOrAnotherTeachersFileIsRefusedOnApplyAndAmend_andNothingIsWritten() {
        Teacher colleague = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        List<String> notTheirs = List.of("files/diploma.pdf", "00000000-0000-4000-8000-000000000000",
                StoredEvidence.of(evidence, colleague.getId()));
        for (String scan : notTheirs) {
            refused(() -> exemptions.apply(teacher.getId(), data.usernameOf(teacher), withScan(scan)), "R-40",
                    "diplomaFile", BusinessRuleException.Kind.RULE_VIOLATION);
        }
        assertThat(exemptions.ofTeacher(teacher.getId())).isEmpty();

        DegreeExemption applied = exemptions.apply(teacher.getId(), data.usernameOf(teacher),
                data.diplomaOf(teacher.getId()));
        cases.decide(exemptions.openTask(applied.getId()).orElseThrow().id(), data.schoolAdmin, Decision.RETURN,
                "扫描件不清晰");
        for (String scan : notTheirs) {
            refused(() -> exemptions.amend(applied.getId(), data.accountOf(teacher), withScan(scan)), "R-40",
                    "diplomaFile", BusinessRuleException.Kind.RULE_VIOLATION);
        }
        DegreeExemption unchanged = exemptions.require(applied.getId());
        assertThat(ExemptionStanding.of(exemptions, unchanged.getId())).isEqualTo("OPEN@UserTask_Amend");
        assertThat(unchanged.diploma()).isEqualTo(applied.diploma());
    }

    private static Diploma withScan(String scan) {
        Diploma d = ExemptionFixture.diploma();
        return new Diploma(d.institution(), d.degreeLevel(), d.major(), true, d.studyStart(), d.studyEnd(),
                d.certificateNumber(), scan);
    }

    private void missing(Supplier<Diploma> diploma, String field) {
        refused(() -> exemptions.apply(teacher.getId(), "t", diploma.get()), "R-30", field,
                BusinessRuleException.Kind.RULE_VIOLATION);
    }

    private void refused(ThrowingCallable apply, String ruleId, String field, BusinessRuleException.Kind kind) {
        long rows = rows();
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey("degreeExemption").count();
        assertThatThrownBy(apply).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            if (ruleId != null) {
                assertThat(e.ruleId()).isEqualTo(ruleId);
            }
            if (field != null) {
                assertThat(e.field()).isEqualTo(field);
            }
        });
        assertThat(rows()).as("no application row").isEqualTo(rows);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("degreeExemption").count())
                .as("no process started").isEqualTo(instances);
    }

    private long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM degree_exemption", Long.class)
                + jdbc.queryForObject("SELECT COUNT(*) FROM case_event WHERE process_key = 'degreeExemption'", Long.class);
    }
}
