package cn.shixun.exemption;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.tasks.R04Schools;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The R-04 school shapes with a reviewer account for each candidate group and a diploma maker.
 * Codes and usernames are unique per instance: the tests share one database.
 */
final class ExemptionFixture {

    static final String PASSWORD = "secret-123";
    private static final AtomicInteger CERTIFICATES = new AtomicInteger();

    final R04Schools schools;
    final CurrentAccount schoolAdmin;
    final CurrentAccount countyReviewer;
    final CurrentAccount cityReviewer;
    private final Accounts accounts;
    private final Teachers teachers;
    private final EvidenceFiles evidence;

    ExemptionFixture(Organisations organisations, Teachers teachers, Accounts accounts, EvidenceFiles evidence,
                     String profile) {
        this.accounts = accounts;
        this.teachers = teachers;
        this.evidence = evidence;
        schools = new R04Schools(organisations, teachers, profile);
        schoolAdmin = accounts.createAccount(schools.prefix + ".school", PASSWORD, "王丽", Role.SCHOOL_ADMIN,
                schools.countySchool.getId());
        countyReviewer = accounts.createAccount(schools.prefix + ".county", PASSWORD, "赵明", Role.COUNTY_REVIEWER,
                schools.district.getId());
        cityReviewer = accounts.createAccount(schools.prefix + ".city", PASSWORD, "陈静", Role.CITY_REVIEWER,
                schools.city.getId());
    }

    /** A registrable teacher with an account named {@code <prefix>.t<n>}; returns the teacher. */
    Teacher teacherAt(Organisation school, Stage stage) {
        Teacher teacher = schools.teacherAt(school, stage);
        accounts.createTeacherAccount(usernameOf(teacher), PASSWORD, teacher.getId());
        return teacher;
    }

    String usernameOf(Teacher teacher) {
        return schools.prefix + ".t" + teacher.getId();
    }

    /** The account of a teacher made by {@link #teacherAt}. */
    CurrentAccount accountOf(Teacher teacher) {
        return accounts.find(usernameOf(teacher)).orElseThrow();
    }

    /** A school administrator account for another school. */
    CurrentAccount adminOf(Organisation school) {
        return accounts.createAccount(schools.prefix + ".admin" + school.getId(), PASSWORD, "校管理员",
                Role.SCHOOL_ADMIN, school.getId());
    }

    /** A teacher without a qualification certificate (R-01: not registrable). */
    Teacher uncertifiedTeacher() {
        return teachers.hire(schools.prefix + "U" + CERTIFICATES.incrementAndGet(), "无证教师", "男",
                schools.countySchool.getId(), Stage.PRIMARY, "数学", null, LocalDate.of(2020, 9, 1));
    }

    /** A diploma whose scan is a stored evidence file of the teacher, as an application needs. */
    Diploma diplomaOf(Long teacherId, DegreeLevel level) {
        return diploma(level, StoredEvidence.of(evidence, teacherId));
    }

    Diploma diplomaOf(Long teacherId) {
        return diplomaOf(teacherId, DegreeLevel.BACHELOR);
    }

    /** A diploma whose scan is no stored file: only for refusals that come before the file is checked. */
    static Diploma diploma(DegreeLevel level) {
        return diploma(level, "files/diploma.pdf");
    }

    private static Diploma diploma(DegreeLevel level, String scan) {
        return new Diploma("河南大学", level, "教育学", true, LocalDate.of(2023, 9, 1), LocalDate.of(2025, 7, 1),
                "DIP-" + ProcessHandle.current().pid() + "-" + CERTIFICATES.incrementAndGet(), scan);
    }

    static Diploma diploma() {
        return diploma(DegreeLevel.BACHELOR);
    }
}
