package cn.shixun.ledger.web;

import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.security.Accounts;
import cn.shixun.security.Role;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two Kunming schools in two test counties, a teacher with an account at each, and a school
 * administrator and a county reviewer for the first county. Every instance has fresh codes and
 * usernames, because the tests share one context and database.
 */
final class PageFixture {

    static final String PASSWORD = "secret-123";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final String prefix;
    final Organisation countyA;
    final Organisation schoolA;
    final Organisation schoolB;
    final Teacher teacher;
    final Teacher otherTeacher;
    final String teacherUser;
    final String otherTeacherUser;
    final String schoolAdminA;
    final String reviewerA;
    final String reviewerB;

    PageFixture(Organisations organisations, Teachers teachers, Accounts accounts) {
        int n = SEQUENCE.incrementAndGet();
        prefix = "pg" + ProcessHandle.current().pid() % 1000 + "x" + n;
        Organisation province = organisations.findByCode("530000").orElseGet(() ->
                organisations.createRegion("530000", "云南省", OrganisationLevel.PROVINCE, null, null));
        Organisation city = organisations.findByCode("530100").orElseGet(() ->
                organisations.createRegion("530100", "昆明市", OrganisationLevel.CITY, province.getId(), "kunming-2015"));
        countyA = organisations.createRegion(prefix + "A", "页面测试甲区", OrganisationLevel.COUNTY, city.getId(), null);
        Organisation countyB = organisations.createRegion(prefix + "B", "页面测试乙区", OrganisationLevel.COUNTY,
                city.getId(), null);
        schoolA = organisations.createSchool(prefix + "SA", "页面测试甲区小学", countyA.getId(), EnumSet.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, countyA.getId());
        schoolB = organisations.createSchool(prefix + "SB", "页面测试乙区小学", countyB.getId(), EnumSet.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, countyB.getId());
        teacher = teachers.hire(prefix + "001", "周红", "女", schoolA.getId(), Stage.PRIMARY, "语文",
                String.format("2016%013d", 7_000_000L + n * 2L), LocalDate.of(2010, 9, 1));
        otherTeacher = teachers.hire(prefix + "002", "吴刚", "男", schoolB.getId(), Stage.PRIMARY, "数学",
                String.format("2016%013d", 7_000_001L + n * 2L), LocalDate.of(2012, 9, 1));
        teacherUser = prefix + ".teacher";
        otherTeacherUser = prefix + ".other";
        schoolAdminA = prefix + ".admin";
        reviewerA = prefix + ".reviewer";
        reviewerB = prefix + ".reviewer-b";
        accounts.createTeacherAccount(teacherUser, PASSWORD, teacher.getId());
        accounts.createTeacherAccount(otherTeacherUser, PASSWORD, otherTeacher.getId());
        accounts.createAccount(schoolAdminA, PASSWORD, "校管理员", Role.SCHOOL_ADMIN, schoolA.getId());
        accounts.createAccount(reviewerA, PASSWORD, "甲区审核员", Role.COUNTY_REVIEWER, countyA.getId());
        accounts.createAccount(reviewerB, PASSWORD, "乙区审核员", Role.COUNTY_REVIEWER, countyB.getId());
    }

    /**
     * A teacher with an account at a new school under 郑州市 (profile henan-2016, which converts
     * no days into hours); {@code certificate} null makes the teacher unregistrable.
     */
    String zhengzhouTeacher(Organisations organisations, Teachers teachers, Accounts accounts, String certificate) {
        Organisation province = organisations.findByCode("410000").orElseGet(() ->
                organisations.createRegion("410000", "河南省", OrganisationLevel.PROVINCE, null, "henan-2016"));
        Organisation city = organisations.findByCode("410100").orElseGet(() ->
                organisations.createRegion("410100", "郑州市", OrganisationLevel.CITY, province.getId(), null));
        Organisation county = organisations.createRegion(prefix + "Z", "页面测试郑州区", OrganisationLevel.COUNTY,
                city.getId(), null);
        Organisation school = organisations.createSchool(prefix + "SZ", "页面测试郑州小学", county.getId(),
                EnumSet.of(Stage.PRIMARY), SchoolKind.COUNTY_SCHOOL, county.getId());
        Teacher hired = teachers.hire(prefix + "003", "郑老师", "女", school.getId(), Stage.PRIMARY, "语文", certificate,
                LocalDate.of(2011, 9, 1));
        String username = prefix + ".zz";
        accounts.createTeacherAccount(username, PASSWORD, hired.getId());
        return username;
    }

    /** A teacher with an account at a new school under 三门峡市 (profile sanmenxia-2023: 90 hours a year by category, R-10). */
    String sanmenxiaTeacher(Organisations organisations, Teachers teachers, Accounts accounts) {
        Organisation province = organisations.findByCode("410000").orElseGet(() ->
                organisations.createRegion("410000", "河南省", OrganisationLevel.PROVINCE, null, "henan-2016"));
        Organisation city = organisations.findByCode("411200").orElseGet(() ->
                organisations.createRegion("411200", "三门峡市", OrganisationLevel.CITY, province.getId(), "sanmenxia-2023"));
        Organisation county = organisations.createRegion(prefix + "M", "页面测试三门峡区", OrganisationLevel.COUNTY,
                city.getId(), null);
        Organisation school = organisations.createSchool(prefix + "SM", "页面测试三门峡小学", county.getId(),
                EnumSet.of(Stage.PRIMARY), SchoolKind.COUNTY_SCHOOL, county.getId());
        Teacher hired = teachers.hire(prefix + "004", "陕老师", "女", school.getId(), Stage.PRIMARY, "数学", certificate(),
                LocalDate.of(2011, 9, 1));
        String username = prefix + ".smx";
        accounts.createTeacherAccount(username, PASSWORD, hired.getId());
        return username;
    }

    /** A well-formed qualification certificate number of its own. */
    String certificate() {
        return String.format("2016%013d", 8_000_000L + SEQUENCE.incrementAndGet());
    }

    /** A three-day bureau training ending on {@code endDate}: 24 hours in Kunming. */
    LedgerEntry bureauTraining(Ledger ledger, LocalDate endDate, String title) {
        Claim claim = Claim.of(ClaimKind.BUREAU_TRAINING, endDate).approved(true).from(endDate.minusDays(2)).days(3).title(title).build();
        return ledger.register(teacher.getId(), claim, Evidence.project("KM-" + prefix, prefix + "-" + endDate),
                "county.officer");
    }
}
