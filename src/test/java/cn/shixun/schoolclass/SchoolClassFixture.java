package cn.shixun.schoolclass;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.tasks.R04Schools;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The R-04 school shapes under a profile, with the accounts that act on a school-based class and
 * ten teachers at the county school. Codes and usernames are unique per instance (one shared database).
 */
final class SchoolClassFixture {

    static final String PASSWORD = "secret-123";

    final R04Schools schools;
    final CurrentAccount schoolAdmin;
    final CurrentAccount countyReviewer;
    final CurrentAccount cityReviewer;
    final List<Teacher> teachers = new ArrayList<>();
    private final Accounts accounts;
    private final EvidenceFiles evidence;
    private final LocalDate today;

    /** {@code today}: the business clock's date, which the plans' dates are counted from. */
    SchoolClassFixture(Organisations organisations, Teachers teacherService, Accounts accounts, EvidenceFiles evidence,
                       String profile, LocalDate today) {
        this.accounts = accounts;
        this.today = today;
        this.evidence = evidence;
        schools = new R04Schools(organisations, teacherService, profile);
        String p = schools.prefix;
        schoolAdmin = accounts.createAccount(p + ".school", PASSWORD, "王丽", Role.SCHOOL_ADMIN, schools.countySchool.getId());
        countyReviewer = accounts.createAccount(p + ".county", PASSWORD, "赵明", Role.COUNTY_REVIEWER, schools.district.getId());
        cityReviewer = accounts.createAccount(p + ".city", PASSWORD, "陈静", Role.CITY_REVIEWER, schools.city.getId());
        for (int i = 0; i < 10; i++) {
            teachers.add(schools.teacherAt(schools.countySchool, Stage.PRIMARY));
        }
    }

    CurrentAccount adminOf(Organisation school) {
        return accounts.createAccount(schools.prefix + ".admin" + school.getId(), PASSWORD, "校管理员", Role.SCHOOL_ADMIN,
                school.getId());
    }

    List<Long> teacherIds() {
        return teachers.stream().map(Teacher::getId).toList();
    }

    /** A course of the county school, its design document a real file of the school. */
    CourseDesign course() {
        return courseAt(schools.countySchool.getId());
    }

    CourseDesign courseAt(Long schoolId) {
        return new CourseDesign("课堂观察与议课", CourseType.LESSON_OBSERVATION, new BigDecimal("16"),
                "以语文课堂观察量表为工具，开展三轮听课、评课、议课。", designOf(schoolId));
    }

    /** A design document stored as school {@code schoolId}'s own evidence file; its id. */
    String designOf(Long schoolId) {
        return StoredEvidence.ofOrganisation(evidence, schoolId);
    }

    /** A one-day class today: it may still be planned (it has not started) and credited once graded. */
    ClassPlan planToday() {
        return new ClassPlan("2026年秋季课堂观察研修班", "教务处", "学校录播教室", "李明", "张华", "0871-65551234", today, today,
                today, today, 10, "周三下午 14:30-17:30");
    }
}
