package cn.shixun.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * the level that designs (and by R-03 registers) a training project, by stage and project
 * type. The county plan filing refuses a project its county does not design: {@code countyplan}'s tests.
 */
class R05ProjectDesignAuthorityTest {

    @Test
    void R05_seniorHighByTheProvinceJuniorMiddleByTheCityPrimaryAndKindergartenByTheCounty() {
        assertThat(ProjectDesignAuthorities.designLevel(Stage.SENIOR_HIGH, ProjectType.REGULAR)).isEqualTo(OrganisationLevel.PROVINCE);
        assertThat(ProjectDesignAuthorities.designLevel(Stage.JUNIOR_MIDDLE, ProjectType.REGULAR)).isEqualTo(OrganisationLevel.CITY);
        assertThat(ProjectDesignAuthorities.designLevel(Stage.PRIMARY, ProjectType.REGULAR)).isEqualTo(OrganisationLevel.COUNTY);
        assertThat(ProjectDesignAuthorities.designLevel(Stage.KINDERGARTEN, ProjectType.REGULAR)).isEqualTo(OrganisationLevel.COUNTY);
    }

    @Test
    void R05_vocationalLikeJuniorMiddleSpecialEducationLikePrimary() {
        assertThat(ProjectDesignAuthorities.designLevel(Stage.VOCATIONAL, ProjectType.REGULAR)).isEqualTo(OrganisationLevel.CITY);
        assertThat(ProjectDesignAuthorities.designLevel(Stage.SPECIAL_EDUCATION, ProjectType.REGULAR)).isEqualTo(OrganisationLevel.COUNTY);
    }

    @Test
    void R05_keyTeacherProjectsByTheCountyForEveryStage() {
        for (Stage stage : Stage.values()) {
            assertThat(ProjectDesignAuthorities.designLevel(stage, ProjectType.KEY_TEACHER)).as(stage.name()).isEqualTo(OrganisationLevel.COUNTY);
        }
    }

    @Test
    void R05_schoolBasedProjectsByTheSchoolItself() {
        for (Stage stage : Stage.values()) {
            assertThat(ProjectDesignAuthorities.designLevel(stage, ProjectType.SCHOOL_BASED)).as(stage.name()).isEqualTo(OrganisationLevel.SCHOOL);
        }
    }
}
