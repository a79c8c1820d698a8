package cn.shixun.tasks;

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
 * The demo data's R-04 shapes under codes of their own (tests share one database): a Henan
 * province, a city, a district, and one school of each kind — county primary school,
 * city-direct middle school, city-direct kindergarten, province-direct middle school — each
 * with a registrable teacher.
 */
public final class R04Schools {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public final String prefix;
    public final Organisation province;
    public final Organisation city;
    public final Organisation district;
    public final Organisation countySchool;
    public final Organisation cityMiddleSchool;
    public final Organisation cityKindergarten;
    public final Organisation provinceMiddleSchool;
    private final Teachers teachers;

    public R04Schools(Organisations organisations, Teachers teachers) {
        this(organisations, teachers, "henan-2016");
    }

    public R04Schools(Organisations organisations, Teachers teachers, String profile) {
        this.teachers = teachers;
        prefix = "r" + ProcessHandle.current().pid() % 1000 + "x" + SEQUENCE.incrementAndGet();
        province = organisations.createRegion(prefix + "P", "测试省", OrganisationLevel.PROVINCE, null, profile);
        city = organisations.createRegion(prefix + "C", "测试市", OrganisationLevel.CITY, province.getId(), null);
        district = organisations.createRegion(prefix + "D", "测试区", OrganisationLevel.COUNTY, city.getId(), null);
        countySchool = organisations.createSchool(prefix + "S1", "测试区第一小学", district.getId(), Set.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, district.getId());
        cityMiddleSchool = organisations.createSchool(prefix + "S2", "测试市第一中学", city.getId(),
                Set.of(Stage.JUNIOR_MIDDLE, Stage.SENIOR_HIGH), SchoolKind.CITY_DIRECT, city.getId());
        cityKindergarten = organisations.createSchool(prefix + "S3", "测试市直属机关幼儿园", city.getId(),
                Set.of(Stage.KINDERGARTEN), SchoolKind.CITY_DIRECT, district.getId());
        provinceMiddleSchool = organisations.createSchool(prefix + "S4", "测试省实验中学", province.getId(),
                Set.of(Stage.JUNIOR_MIDDLE, Stage.SENIOR_HIGH), SchoolKind.PROVINCE_DIRECT, city.getId());
    }

    private final AtomicInteger teacherSequence = new AtomicInteger();

    /** A registrable teacher (certificate, in post since 2005) at the school, teaching that stage. */
    public Teacher teacherAt(Organisation school, Stage stage) {
        int n = teacherSequence.incrementAndGet();
        return teachers.hire(school.code() + String.format("%03d", n), "测试教师" + n, "女", school.getId(), stage, "语文",
                String.format("2005%012d", Math.abs((prefix + n).hashCode())), LocalDate.of(2005, 9, 1));
    }
}
