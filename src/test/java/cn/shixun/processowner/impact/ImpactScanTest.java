package cn.shixun.processowner.impact;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.Claim;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.PolicyDecisions;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.processowner.DecisionOverrides;
import cn.shixun.processowner.testcases.PolicyUnderTest;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The impact preview's scan: whose standing a draft changes, on the ledger as it stands. */
@SpringBootTest
class ImpactScanTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final LocalDate YEAR_END = LocalDate.of(2024, 12, 31);

    @Autowired ImpactScan scan;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Ledger ledger;
    @Autowired PolicyProfiles profiles;
    @Autowired PolicyDecisions decisions;

    @Test
    void R10_loweringTheSchoolBasedMinimumChangesTheTeachersShortOfIt_notThoseWhoMetItNorThoseWhoLeft() {
        Long school = sanmenxiaSchool();
        Teacher shortBySix = teacher(school, "差六学时");
        credit(shortBySix, "10");
        Teacher metAll = teacher(school, "全部达标");
        credit(metAll, "16");
        Teacher nothingYet = teacher(school, "尚无学时");
        Teacher left = teacher(school, "已离岗");
        credit(left, "10");
        teachers.leavePost(left.getId(), LocalDate.of(2024, 9, 1));

        ImpactScan.SchoolResult result = scan.scanSchool(school, "sanmenxia-2023", YEAR_END, published(),
                schoolBasedMinimum("10"));

        assertThat(result.checked()).as("the three in post").isEqualTo(3);
        assertThat(result.changes()).extracting(ImpactScan.Change::teacherId)
                .containsExactlyInAnyOrder(shortBySix.getId(), nothingYet.getId());
        ImpactScan.Change six = result.changes().stream().filter(c -> c.teacherId().equals(shortBySix.getId())).findFirst().orElseThrow();
        // 110 of the cycle's 270 hours are credited either way: only the school-based shortfall goes.
        assertThat(six.before()).isEqualTo("未达标：校本研修每年16学时 差 6 学时；2023—2025年三年共270学时 差 160 学时");
        assertThat(six.after()).isEqualTo("未达标：2023—2025年三年共270学时 差 160 学时");
        assertThat(six.schoolName()).startsWith("影响学校");
        assertThat(scan.scanSchool(school, "sanmenxia-2023", YEAR_END, published(), published()).changes())
                .as("the published policy against itself changes nobody").isEmpty();
        assertThat(scan.schoolsOf("sanmenxia-2023")).contains(school);
        assertThat(scan.schoolsOf("kunming-2015")).doesNotContain(school);
    }

    private PolicyUnderTest published() {
        return new PolicyUnderTest(profiles::version, decisions);
    }

    private PolicyUnderTest schoolBasedMinimum(String hours) {
        return new PolicyUnderTest(profiles::version, DecisionOverrides.requirementMinimum(decisions, "YEAR_SCHOOL_BASED", hours));
    }

    /** A year's hours in all four Sanmenxia categories, with {@code schoolBased} hours of school-based study. */
    private void credit(Teacher teacher, String schoolBased) {
        register(teacher, Claim.of(ClaimKind.PUBLIC_COURSE, LocalDate.of(2024, 5, 1)).hours("30"));
        register(teacher, Claim.of(ClaimKind.ETHICS_EDUCATION, LocalDate.of(2024, 5, 2)).hours("10").sessions(3).processMaterials());
        register(teacher, Claim.of(ClaimKind.SCHOOL_BASED, LocalDate.of(2024, 5, 3)).hours(schoolBased).processMaterials());
        register(teacher, Claim.of(ClaimKind.SUBJECT_TRAINING, LocalDate.of(2024, 5, 4)).hours("60"));
    }

    private void register(Teacher teacher, Claim.Builder claim) {
        ledger.register(teacher.getId(), claim.build(), Evidence.project("P", "IMPACT-" + SEQUENCE.incrementAndGet() + "-" + teacher.getId()),
                "officer");
    }

    private Teacher teacher(Long school, String name) {
        return teachers.hire("IMP" + school + "-" + SEQUENCE.incrementAndGet(), name, "女", school, Stage.PRIMARY, "语文",
                String.format("2016%013d", 9_000_000L + SEQUENCE.incrementAndGet()), LocalDate.of(2010, 9, 1));
    }

    private Long sanmenxiaSchool() {
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
}
