package cn.shixun.training;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.ProviderKind;
import cn.shixun.organisation.Stage;
import cn.shixun.organisation.TrainingProvider;
import cn.shixun.organisation.TrainingProviders;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.tasks.R04Schools;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The R-04 school shapes with a reviewer account per candidate group, a qualified and an
 * unqualified provider, and makers of plans and certificates. Codes, names and numbers are
 * unique per instance: the tests share one database.
 */
final class TrainingFixture {

    static final String PASSWORD = "secret-123";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final R04Schools schools;
    final CurrentAccount schoolAdmin;
    final CurrentAccount countyReviewer;
    final CurrentAccount cityReviewer;
    final TrainingProvider qualified;
    final TrainingProvider unqualified;
    private final Accounts accounts;
    private final Teachers teachers;
    private final JdbcTemplate jdbc;
    private final EvidenceFiles evidence;
    private final LocalDate today;

    /** {@code today}: the business clock's date, which the plans' dates are counted from. */
    TrainingFixture(Organisations organisations, Teachers teachers, Accounts accounts, TrainingProviders providers,
                    JdbcTemplate jdbc, EvidenceFiles evidence, String profile, LocalDate today) {
        this.evidence = evidence;
        this.today = today;
        this.accounts = accounts;
        this.teachers = teachers;
        this.jdbc = jdbc;
        schools = new R04Schools(organisations, teachers, profile);
        schoolAdmin = accounts.createAccount(schools.prefix + ".school", PASSWORD, "王丽", Role.SCHOOL_ADMIN,
                schools.countySchool.getId());
        countyReviewer = accounts.createAccount(schools.prefix + ".county", PASSWORD, "赵明", Role.COUNTY_REVIEWER,
                schools.district.getId());
        cityReviewer = accounts.createAccount(schools.prefix + ".city", PASSWORD, "陈静", Role.CITY_REVIEWER,
                schools.city.getId());
        qualified = providers.register(schools.prefix + "师范大学", ProviderKind.NORMAL_UNDERGRADUATE, true, null);
        unqualified = providers.register(schools.prefix + "职业技能培训中心", ProviderKind.OTHER, false, null);
    }

    /** A registrable teacher with an account; returns the account. */
    CurrentAccount teacherAt(Organisation school, Stage stage) {
        Teacher teacher = schools.teacherAt(school, stage);
        return accounts.createTeacherAccount(schools.prefix + ".t" + teacher.getId(), PASSWORD, teacher.getId());
    }

    CurrentAccount adminOf(Organisation school) {
        return accounts.createAccount(schools.prefix + ".admin" + school.getId(), PASSWORD, "校管理员",
                Role.SCHOOL_ADMIN, school.getId());
    }

    /** A teacher without a qualification certificate (R-01: not registrable). */
    Teacher uncertifiedTeacher() {
        return teachers.hire(schools.prefix + "U" + SEQUENCE.incrementAndGet(), "无证教师", "男",
                schools.countySchool.getId(), Stage.PRIMARY, "数学", null, LocalDate.of(2020, 9, 1));
    }

    /**
     * Three days of training starting in {@code inDays} days, at the qualified provider, the
     * notice a stored evidence file of the teacher.
     */
    TrainingPlan planOf(Long teacherId, int inDays) {
        return plan(inDays, StoredEvidence.of(evidence, teacherId));
    }

    TrainingPlan planOf(Long teacherId) {
        return planOf(teacherId, 20);
    }

    /** A plan whose notice is no stored file: only for refusals that come before the file is checked. */
    TrainingPlan plan() {
        return plan(20, "files/notice.pdf");
    }

    private TrainingPlan plan(int inDays, String notice) {
        LocalDate start = today.plusDays(inDays);
        return new TrainingPlan(qualified.getId(), "心理健康教育专题培训" + SEQUENCE.incrementAndGet(), start,
                start.plusDays(2), "郑州市金水区", "心理辅导技能、案例研讨", notice);
    }

    /** A certificate whose scan is a stored evidence file of the teacher. */
    CompletionEvidence certificateOf(Long teacherId, CertificateKind kind, String hours) {
        return certificate(kind, hours, StoredEvidence.of(evidence, teacherId));
    }

    CompletionEvidence certificateOf(Long teacherId) {
        return certificateOf(teacherId, CertificateKind.EDUCATION_DEPARTMENT_NOTICE, "24");
    }

    /** A certificate whose scan is no stored file: only for refusals that come before the file is checked. */
    static CompletionEvidence certificate() {
        return certificate(CertificateKind.EDUCATION_DEPARTMENT_NOTICE, "24", "files/certificate.pdf");
    }

    private static CompletionEvidence certificate(CertificateKind kind, String hours, String scan) {
        return new CompletionEvidence("CERT-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet(), kind,
                new BigDecimal(hours), null, scan);
    }

    /**
     * Time passes (the tests cannot wait for real days): the application's training now lies
     * {@code daysAgo} days in the past (it started {@code daysAgo + 2} days ago).
     */
    void trainingTookPlace(Long trainingId, int daysAgo) {
        LocalDate end = today.minusDays(daysAgo);
        jdbc.update("UPDATE external_training SET start_date = ?, end_date = ? WHERE id = ?", end.minusDays(2), end,
                trainingId);
    }

    /** Time passes up to the first training day, without the consent. */
    void trainingStartsToday(Long trainingId) {
        LocalDate start = today;
        jdbc.update("UPDATE external_training SET start_date = ?, end_date = ? WHERE id = ?", start, start.plusDays(2),
                trainingId);
    }

    /** The register withdraws the provider's 国培 qualification. */
    void providerLosesQualification(TrainingProvider provider) {
        jdbc.update("UPDATE training_provider SET guopei_qualified = FALSE WHERE id = ?", provider.getId());
    }
}
