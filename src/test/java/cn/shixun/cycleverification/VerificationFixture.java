package cn.shixun.cycleverification;

import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
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
 * The R-04 school shapes under codes of their own (the tests share one database) with an
 * account for every level, and teachers whose per-teacher cycle (henan-2016, R-08) ended 41 days
 * ago — dates relative to today, so the tests do not age.
 */
final class VerificationFixture {

    static final String PASSWORD = "secret-123";
    private static final AtomicInteger EVIDENCE = new AtomicInteger();

    final R04Schools schools;
    final CurrentAccount schoolAdmin;
    final CurrentAccount countyReviewer;
    final CurrentAccount cityReviewer;
    final CurrentAccount provinceReviewer;
    /** The last certificate of the fixture's teachers: their cycle ran from it for five years and has ended. */
    final LocalDate certifiedOn;
    /** A period that contains the end of that cycle. */
    final LocalDate periodFrom;
    final LocalDate periodTo;
    private final Accounts accounts;
    private final Teachers teachers;
    private final Ledger ledger;

    /** {@code today}: the business clock's date. */
    VerificationFixture(Organisations organisations, Teachers teachers, Accounts accounts, Ledger ledger,
                        LocalDate today) {
        certifiedOn = today.minusYears(5).minusDays(40);
        periodFrom = today.minusDays(60);
        periodTo = today.minusDays(1);
        this.accounts = accounts;
        this.teachers = teachers;
        this.ledger = ledger;
        schools = new R04Schools(organisations, teachers);
        schoolAdmin = accounts.createAccount(schools.prefix + ".school", PASSWORD, "王丽", Role.SCHOOL_ADMIN,
                schools.countySchool.getId());
        countyReviewer = accounts.createAccount(schools.prefix + ".county", PASSWORD, "赵明", Role.COUNTY_REVIEWER,
                schools.district.getId());
        cityReviewer = accounts.createAccount(schools.prefix + ".city", PASSWORD, "陈静", Role.CITY_REVIEWER,
                schools.city.getId());
        provinceReviewer = accounts.createAccount(schools.prefix + ".province", PASSWORD, "刘洋",
                Role.PROVINCE_REVIEWER, schools.province.getId());
    }

    /** A teacher at the county school whose cycle ended with 280 + 80 school-based hours (R-07 met). */
    Teacher completeTeacher() {
        return teacherWith(schools.countySchool, Stage.PRIMARY, "280", "80");
    }

    /** A teacher whose cycle ended with the given general and school-based hours. */
    Teacher teacherWith(Organisation school, Stage stage, String generalHours, String schoolBasedHours) {
        Teacher teacher = schools.teacherAt(school, stage);
        teachers.recordCertificateIssued(teacher.getId(), certifiedOn);
        if (!generalHours.equals("0")) {
            credit(teacher, ClaimKind.PROGRAMME_CERTIFIED, certifiedOn.plusYears(1), generalHours);
        }
        if (!schoolBasedHours.equals("0")) {
            credit(teacher, ClaimKind.SCHOOL_BASED, certifiedOn.plusYears(2), schoolBasedHours);
        }
        return teacher;
    }

    /** Registers hours in the ledger inside the fixture teachers' ended cycle. */
    LedgerEntry credit(Teacher teacher, ClaimKind kind, LocalDate on, String hours) {
        return ledger.register(teacher.getId(), Claim.of(kind, on).title(kind.label()).hours(hours).build(),
                Evidence.project("TEST-" + schools.prefix, "CV-" + schools.prefix + "-" + EVIDENCE.incrementAndGet()),
                countyReviewer.username());
    }

    /** An administrator account of another school. */
    CurrentAccount adminOf(Organisation school) {
        return accounts.createAccount(schools.prefix + ".admin" + school.getId(), PASSWORD, "校管理员",
                Role.SCHOOL_ADMIN, school.getId());
    }

    Declaration declare(Teacher... listed) {
        return new Declaration(listed[0].schoolId(), periodFrom, periodTo,
                List.of(listed).stream().map(Teacher::getId).toList(), null);
    }
}
