package cn.shixun.processowner;

import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

/** Schools and teachers of Sanmenxia (profile sanmenxia-2023) with a year's hours, for what a draft would change. */
public final class SanmenxiaTeachers {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Organisations organisations;
    private final Teachers teachers;
    private final Ledger ledger;

    public SanmenxiaTeachers(Organisations organisations, Teachers teachers, Ledger ledger) {
        this.organisations = organisations;
        this.teachers = teachers;
        this.ledger = ledger;
    }

    /** A new primary school in a test county of Sanmenxia. */
    public Long school() {
        Organisation province = organisations.findByCode("410000").orElseGet(() ->
                organisations.createRegion("410000", "河南省", OrganisationLevel.PROVINCE, null, "henan-2016"));
        Organisation city = organisations.findByCode("411200").orElseGet(() ->
                organisations.createRegion("411200", "三门峡市", OrganisationLevel.CITY, province.getId(), "sanmenxia-2023"));
        Organisation county = organisations.findByCode("411298").orElseGet(() ->
                organisations.createRegion("411298", "影响预估区", OrganisationLevel.COUNTY, city.getId(), null));
        String code = "411298" + String.format("%04d", SEQUENCE.incrementAndGet());
        return organisations.createSchool(code, "影响学校" + code, county.getId(), EnumSet.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, county.getId()).getId();
    }

    public Teacher teacher(Long school, String name) {
        return teachers.hire("IMP" + school + "-" + SEQUENCE.incrementAndGet(), name, "女", school, Stage.PRIMARY, "语文",
                String.format("2016%013d", 9_000_000L + SEQUENCE.incrementAndGet()), LocalDate.of(2010, 9, 1));
    }

    /** A year's hours in Sanmenxia's four categories, with {@code schoolBased} hours of school-based study. */
    public void creditYear(Teacher teacher, int year, String schoolBased) {
        register(teacher, Claim.of(ClaimKind.PUBLIC_COURSE, LocalDate.of(year, 5, 1)).hours("30"));
        register(teacher, Claim.of(ClaimKind.ETHICS_EDUCATION, LocalDate.of(year, 5, 2)).hours("10").sessions(3).processMaterials());
        register(teacher, Claim.of(ClaimKind.SCHOOL_BASED, LocalDate.of(year, 5, 3)).hours(schoolBased).processMaterials());
        register(teacher, Claim.of(ClaimKind.SUBJECT_TRAINING, LocalDate.of(year, 5, 4)).approved(true).hours("60"));
    }

    private void register(Teacher teacher, Claim.Builder claim) {
        ledger.register(teacher.getId(), claim.build(),
                Evidence.project("P", "IMPACT-" + SEQUENCE.incrementAndGet() + "-" + teacher.getId()), "officer");
    }
}
