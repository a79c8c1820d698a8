package cn.shixun.annual;

import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.ledger.SourceType;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.tasks.R04Schools;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The R-04 school shapes under a profile, with a reviewer account per candidate group, teachers
 * with accounts, and ledger entries of the registration year (2026; the tests' fixed "today" is
 * 2026-10-15). Codes and usernames are unique per instance: the tests share one database.
 */
final class AnnualFixture {

    static final int YEAR = 2026;
    private static final AtomicInteger EVIDENCE = new AtomicInteger();

    final R04Schools schools;
    final CurrentAccount schoolAdmin;
    final CurrentAccount countyReviewer;
    final CurrentAccount cityReviewer;
    private final Accounts accounts;
    private final Teachers teachers;
    private final Ledger ledger;

    AnnualFixture(Organisations organisations, Teachers teachers, Accounts accounts, Ledger ledger, String profile) {
        this.accounts = accounts;
        this.teachers = teachers;
        this.ledger = ledger;
        schools = new R04Schools(organisations, teachers, profile);
        schoolAdmin = accounts.createAccount(schools.prefix + ".school", "secret-123", "王丽", Role.SCHOOL_ADMIN,
                schools.countySchool.getId());
        countyReviewer = accounts.createAccount(schools.prefix + ".county", "secret-123", "赵明",
                Role.COUNTY_REVIEWER, schools.district.getId());
        cityReviewer = accounts.createAccount(schools.prefix + ".city", "secret-123", "陈静", Role.CITY_REVIEWER,
                schools.city.getId());
    }

    Teacher teacherAt(Organisation school, Stage stage) {
        return schools.teacherAt(school, stage);
    }

    Teacher teacher() {
        return teacherAt(schools.countySchool, Stage.PRIMARY);
    }

    CurrentAccount accountOf(Teacher teacher) {
        String username = schools.prefix + ".t" + teacher.getId();
        return accounts.find(username)
                .orElseGet(() -> accounts.createTeacherAccount(username, "secret-123", teacher.getId()));
    }

    CurrentAccount adminOf(Organisation school) {
        return accounts.createAccount(schools.prefix + ".admin" + school.getId(), "secret-123", "校管理员",
                Role.SCHOOL_ADMIN, school.getId());
    }

    Teacher uncertifiedTeacher() {
        return teachers.hire(schools.prefix + "U" + EVIDENCE.incrementAndGet(), "无证教师", "男",
                schools.countySchool.getId(), Stage.PRIMARY, "数学", null, LocalDate.of(2020, 9, 1));
    }

    /** Hours a project authority registered: evidenced by that registration. */
    LedgerEntry projectHours(Teacher teacher, ClaimKind kind, String hours, LocalDate date) {
        return ledger.register(teacher.getId(), claim(kind, hours, date).build(),
                Evidence.project("TEST-" + YEAR, number()), "test");
    }

    /** Hours from the teacher's own application, with or without a scan on the entry. */
    LedgerEntry ownHours(Teacher teacher, ClaimKind kind, String hours, LocalDate date, String... files) {
        return ledger.register(teacher.getId(), claim(kind, hours, date).build(),
                new Evidence(SourceType.APPLICATION, "test", number(), List.of(files)), "test");
    }

    LedgerEntry register(Teacher teacher, Claim claim, String... files) {
        return ledger.register(teacher.getId(), claim,
                new Evidence(SourceType.PROJECT, "TEST-" + YEAR, number(), List.of(files)), "test");
    }

    /** Training an education authority ran or approved, as the kinds that must say so do. */
    private static Claim.Builder claim(ClaimKind kind, String hours, LocalDate date) {
        return Claim.of(kind, date).title(kind.label() + " " + hours).hours(hours).approved(true);
    }

    private static String number() {
        return "AN-" + ProcessHandle.current().pid() + "-" + EVIDENCE.incrementAndGet();
    }

    static LocalDate day(int month, int day) {
        return LocalDate.of(YEAR, month, day);
    }
}
