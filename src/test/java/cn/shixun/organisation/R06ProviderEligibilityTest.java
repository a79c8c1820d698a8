package cn.shixun.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** which provider may deliver a project for which stage. Plain unit tests of the judgement. */
class R06ProviderEligibilityTest {

    static final Long COUNTY = 7L;

    final TrainingProvider university = new TrainingProvider("河南师范大学", ProviderKind.NORMAL_UNDERGRADUATE, true, null);
    final TrainingProvider juniorCollege = new TrainingProvider("郑州幼儿师范高等专科学校", ProviderKind.NORMAL_JUNIOR_COLLEGE, true, null);
    final TrainingProvider online = new TrainingProvider("中国教师教育网", ProviderKind.ONLINE_PLATFORM, true, null);
    final TrainingProvider countySchool = new TrainingProvider("金水区教师进修学校", ProviderKind.COUNTY_TRAINING_SCHOOL, false, COUNTY);
    final TrainingProvider company = new TrainingProvider("某教育咨询有限公司", ProviderKind.OTHER, false, null);
    final TrainingProvider notGuopei = new TrainingProvider("某师范学院", ProviderKind.NORMAL_UNDERGRADUATE, false, null);

    @Test
    void R06_undergraduateNormalCollegeWithGuopeiServesEveryStage() {
        for (Stage stage : Stage.values()) {
            assertThat(ProviderEligibility.judge(university, stage, null).eligible()).as(stage.name()).isTrue();
        }
    }

    @Test
    void R06_juniorCollegeOnlyForKindergarten() {
        assertThat(ProviderEligibility.judge(juniorCollege, Stage.KINDERGARTEN, null).eligible()).isTrue();
        ProviderEligibility.Verdict primary = ProviderEligibility.judge(juniorCollege, Stage.PRIMARY, null);
        assertThat(primary.eligible()).isFalse();
        assertThat(primary.reasonKey()).isEqualTo("provider.r06.junior-college-only-kindergarten");
        assertThat(primary.ruleId()).isEqualTo("R-06");
        assertThat(ProviderEligibility.judge(juniorCollege, Stage.SENIOR_HIGH, null).eligible()).isFalse();
    }

    @Test
    void R06_onlyGuopeiInstitutionsAtPresent() {
        ProviderEligibility.Verdict verdict = ProviderEligibility.judge(notGuopei, Stage.PRIMARY, null);
        assertThat(verdict.eligible()).isFalse();
        assertThat(verdict.reasonKey()).isEqualTo("provider.r06.not-guopei");
        assertThat(ProviderEligibility.judge(online, Stage.SENIOR_HIGH, null).eligible()).isTrue();
    }

    @Test
    void R06_countyTrainingSchoolOnlyForItsOwnCountysPrimaryAndKindergartenProjects() {
        assertThat(ProviderEligibility.judge(countySchool, Stage.PRIMARY, COUNTY).eligible()).isTrue();
        assertThat(ProviderEligibility.judge(countySchool, Stage.KINDERGARTEN, COUNTY).eligible()).isTrue();
        assertThat(ProviderEligibility.judge(countySchool, Stage.PRIMARY, 8L).reasonKey())
                .isEqualTo("provider.r06.county-school-other-county");
        assertThat(ProviderEligibility.judge(countySchool, Stage.PRIMARY, null).eligible()).isFalse();
        assertThat(ProviderEligibility.judge(countySchool, Stage.JUNIOR_MIDDLE, COUNTY).reasonKey())
                .isEqualTo("provider.r06.county-school-only-primary");
    }

    @Test
    void R06_socialTrainingBodiesAreNeverEligible() {
        for (Stage stage : Stage.values()) {
            assertThat(ProviderEligibility.judge(company, stage, COUNTY).eligible()).as(stage.name()).isFalse();
        }
        assertThat(ProviderEligibility.judge(company, Stage.PRIMARY, null).reasonArgs()).containsExactly("某教育咨询有限公司");
    }
}
