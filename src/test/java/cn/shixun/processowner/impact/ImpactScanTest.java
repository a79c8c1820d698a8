package cn.shixun.processowner.impact;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.PolicyDecisions;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.processowner.DecisionOverrides;
import cn.shixun.processowner.SanmenxiaTeachers;
import cn.shixun.processowner.testcases.PolicyUnderTest;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The impact preview's scan: whose standing a draft changes, on the ledger as it stands. */
@SpringBootTest
class ImpactScanTest {

    private static final LocalDate YEAR_END = LocalDate.of(2024, 12, 31);

    @Autowired ImpactScan scan;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Ledger ledger;
    @Autowired PolicyProfiles profiles;
    @Autowired PolicyDecisions decisions;

    SanmenxiaTeachers sanmenxia;

    @BeforeEach
    void setUp() {
        sanmenxia = new SanmenxiaTeachers(organisations, teachers, ledger);
    }

    @Test
    void R10_loweringTheSchoolBasedMinimumChangesTheTeachersShortOfIt_notThoseWhoMetItNorThoseWhoLeft() {
        Long school = sanmenxia.school();
        Teacher shortBySix = sanmenxia.teacher(school, "差六学时");
        sanmenxia.creditYear(shortBySix, 2024, "10");
        Teacher metAll = sanmenxia.teacher(school, "全部达标");
        sanmenxia.creditYear(metAll, 2024, "16");
        Teacher nothingYet = sanmenxia.teacher(school, "尚无学时");
        Teacher left = sanmenxia.teacher(school, "已离岗");
        sanmenxia.creditYear(left, 2024, "10");
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
}
