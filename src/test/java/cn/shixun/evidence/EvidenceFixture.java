package cn.shixun.evidence;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.security.Accounts;
import cn.shixun.security.Role;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two counties of one city with a school each, codes of their own per instance (tests share one
 * database): teachers A and A2 at school A, B at school B, and an account for each role that
 * the evidence rules name.
 */
final class EvidenceFixture {

    static final String PASSWORD = "secret-123";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final String prefix = "ev" + ProcessHandle.current().pid() % 1000 + "x" + SEQUENCE.incrementAndGet();
    final Organisation countyA;
    final Organisation countyB;
    final Organisation schoolA;
    final Organisation schoolB;
    final Teacher teacherA;
    final Teacher teacherA2;
    final Teacher teacherB;

    EvidenceFixture(Organisations organisations, Teachers teachers, Accounts accounts) {
        Organisation province = organisations.createRegion(prefix + "P", "证明省", OrganisationLevel.PROVINCE, null,
                "henan-2016");
        Organisation city = organisations.createRegion(prefix + "C", "证明市", OrganisationLevel.CITY, province.getId(), null);
        countyA = organisations.createRegion(prefix + "A", "甲区", OrganisationLevel.COUNTY, city.getId(), null);
        countyB = organisations.createRegion(prefix + "B", "乙区", OrganisationLevel.COUNTY, city.getId(), null);
        schoolA = organisations.createSchool(prefix + "SA", "甲区实验小学", countyA.getId(), Set.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, countyA.getId());
        schoolB = organisations.createSchool(prefix + "SB", "乙区实验小学", countyB.getId(), Set.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, countyB.getId());
        teacherA = teachers.hire(prefix + "001", "李春梅", "女", schoolA.getId(), Stage.PRIMARY, "语文",
                "2010410000000001", LocalDate.of(2015, 9, 1));
        teacherA2 = teachers.hire(prefix + "002", "赵一鸣", "男", schoolA.getId(), Stage.PRIMARY, "数学",
                "2010410000000002", LocalDate.of(2015, 9, 1));
        teacherB = teachers.hire(prefix + "003", "王小红", "女", schoolB.getId(), Stage.PRIMARY, "英语",
                "2010410000000003", LocalDate.of(2015, 9, 1));
        accounts.createAccount(user("admin-a"), PASSWORD, "甲校管理员", Role.SCHOOL_ADMIN, schoolA.getId());
        accounts.createAccount(user("admin-b"), PASSWORD, "乙校管理员", Role.SCHOOL_ADMIN, schoolB.getId());
        accounts.createAccount(user("reviewer-a"), PASSWORD, "甲区审核员", Role.COUNTY_REVIEWER, countyA.getId());
        accounts.createAccount(user("reviewer-b"), PASSWORD, "乙区审核员", Role.COUNTY_REVIEWER, countyB.getId());
        accounts.createTeacherAccount(user("teacher-a"), PASSWORD, teacherA.getId());
        accounts.createTeacherAccount(user("teacher-a2"), PASSWORD, teacherA2.getId());
        accounts.createTeacherAccount(user("teacher-b"), PASSWORD, teacherB.getId());
    }

    /** The username of this fixture's account for {@code role}, e.g. {@code ev12x3.admin-a}. */
    String user(String role) {
        return prefix + "." + role;
    }
}
