package cn.shixun.security;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small organisation tree for security tests, with codes of its own so that tests sharing
 * one Spring context (and so one database) never collide: a province, a city, two counties
 * with a school each, and a teacher at the first school.
 */
final class SecurityTestData {

    static final String PASSWORD = "secret-123";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final String prefix;
    final Organisation province;
    final Organisation city;
    final Organisation countyA;
    final Organisation countyB;
    final Organisation schoolA;
    final Organisation schoolB;
    final Teacher teacher;

    SecurityTestData(Organisations organisations, Teachers teachers) {
        prefix = "t" + ProcessHandle.current().pid() % 1000 + "x" + SEQUENCE.incrementAndGet();
        province = organisations.createRegion(prefix + "P", "测试省", OrganisationLevel.PROVINCE, null, "henan-2016");
        city = organisations.createRegion(prefix + "C", "测试市", OrganisationLevel.CITY, province.getId(), null);
        countyA = organisations.createRegion(prefix + "A", "甲区", OrganisationLevel.COUNTY, city.getId(), null);
        countyB = organisations.createRegion(prefix + "B", "乙区", OrganisationLevel.COUNTY, city.getId(), null);
        schoolA = organisations.createSchool(prefix + "SA", "甲区第一小学", countyA.getId(), Set.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, countyA.getId());
        schoolB = organisations.createSchool(prefix + "SB", "乙区第一小学", countyB.getId(), Set.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, countyB.getId());
        teacher = teachers.hire(prefix + "001", "李春梅", "女", schoolA.getId(), Stage.PRIMARY, "语文",
                "2010410000000001", LocalDate.of(2015, 9, 1));
    }

    /** A username unique to this data set, e.g. {@code t12x3.teacher}. */
    String username(String role) {
        return prefix + "." + role;
    }

    /** The demo organisations along 河南省 → 郑州市 → 金水区 → 文化路第一小学 and its teacher 001, by their fixed codes. */
    record DemoJinshui(Organisation henan, Organisation zhengzhou, Organisation jinshui, Organisation school) {
    }

    /**
     * Finds the fixed-code demo organisations and teacher 4101050001001, creating what is missing
     * (the organisation module's demo data may or may not be in the database).
     */
    static DemoJinshui demoJinshui(Organisations organisations, Teachers teachers) {
        Organisation henan = region(organisations, "410000", "河南省", OrganisationLevel.PROVINCE, null);
        Organisation zhengzhou = region(organisations, "410100", "郑州市", OrganisationLevel.CITY, henan.getId());
        Organisation jinshui = region(organisations, "410105", "金水区", OrganisationLevel.COUNTY, zhengzhou.getId());
        Organisation school = organisations.findByCode("4101050001").orElseGet(() -> organisations.createSchool(
                "4101050001", "郑州市金水区文化路第一小学", jinshui.getId(), Set.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, jinshui.getId()));
        if (teachers.findByStaffNumber("4101050001001").isEmpty()) {
            teachers.hire("4101050001001", "张晓燕", "女", school.getId(), Stage.PRIMARY, "语文", "2008410000000012",
                    LocalDate.of(2008, 9, 1));
        }
        return new DemoJinshui(henan, zhengzhou, jinshui, school);
    }

    private static Organisation region(Organisations organisations, String code, String name, OrganisationLevel level,
                                       Long parentId) {
        return organisations.findByCode(code)
                .orElseGet(() -> organisations.createRegion(code, name, level, parentId, null));
    }
}
