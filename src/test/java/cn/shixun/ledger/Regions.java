package cn.shixun.ledger;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds schools and teachers under the real city codes through the organisation and teacher
 * modules' public API. Tests share one context (and database), so every school and teacher
 * gets a fresh code.
 */
final class Regions {

    static final String ZHENGZHOU = "410100";
    static final String XINXIANG = "410700";
    static final String SANMENXIA = "411200";
    static final String KUNMING = "530100";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Organisations organisations;
    private final Teachers teachers;

    Regions(Organisations organisations, Teachers teachers) {
        this.organisations = organisations;
        this.teachers = teachers;
    }

    /** A new primary and middle school in a county of the given city. */
    Long school(String cityCode) {
        Organisation city = city(cityCode);
        Organisation county = organisations.findByCode(cityCode.substring(0, 4) + "99")
                .orElseGet(() -> organisations.createRegion(cityCode.substring(0, 4) + "99", "测试区", OrganisationLevel.COUNTY,
                        city.getId(), null));
        String code = county.code() + String.format("%04d", SEQUENCE.incrementAndGet());
        return organisations.createSchool(code, "测试学校" + code, county.getId(),
                EnumSet.of(Stage.PRIMARY, Stage.JUNIOR_MIDDLE, Stage.SENIOR_HIGH), SchoolKind.COUNTY_SCHOOL,
                county.getId()).getId();
    }

    Teacher teacher(String cityCode, LocalDate hired) {
        return teacher(cityCode, hired, Stage.PRIMARY, certificateNumber());
    }

    Teacher teacher(String cityCode, LocalDate hired, Stage stage, String qualificationCertificate) {
        Long school = school(cityCode);
        return teachers.hire("T" + school + SEQUENCE.incrementAndGet(), "测试教师", "女", school, stage, "语文",
                qualificationCertificate, hired);
    }

    /** A well-formed, unique qualification certificate number (year + digits, R-01). */
    static String certificateNumber() {
        return String.format("2016%013d", SEQUENCE.incrementAndGet());
    }

    private Organisation city(String cityCode) {
        String provinceCode = cityCode.substring(0, 2) + "0000";
        Organisation province = organisations.findByCode(provinceCode)
                .orElseGet(() -> organisations.createRegion(provinceCode, provinceCode.startsWith("41") ? "河南省" : "云南省",
                        OrganisationLevel.PROVINCE, null, provinceCode.startsWith("41") ? "henan-2016" : null));
        String profile = switch (cityCode) {
            case SANMENXIA -> "sanmenxia-2023";
            case KUNMING -> "kunming-2015";
            default -> null;
        };
        return organisations.findByCode(cityCode)
                .orElseGet(() -> organisations.createRegion(cityCode, "市" + cityCode, OrganisationLevel.CITY,
                        province.getId(), profile));
    }
}
