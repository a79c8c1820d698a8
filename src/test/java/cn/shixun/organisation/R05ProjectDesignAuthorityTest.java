package cn.shixun.organisation;

import static cn.shixun.organisation.OrganisationTreeTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/** who designs (and by R-03 registers) a training project, by stage and project type. */
@SpringBootTest
@Transactional
class R05ProjectDesignAuthorityTest {

    @Autowired
    Organisations organisations;

    @Autowired
    ProjectDesignAuthorities authorities;

    Organisation province;
    Organisation city;
    Organisation county;
    Organisation countySchool;
    Organisation countyMiddle;

    @BeforeEach
    void tree() {
        province = organisations.createRegion("920000", "设计省", OrganisationLevel.PROVINCE, null, "henan-2016");
        city = organisations.createRegion("920100", "设计市", OrganisationLevel.CITY, province.getId(), null);
        county = organisations.createRegion("920102", "设计区", OrganisationLevel.COUNTY, city.getId(), null);
        countySchool = organisations.createSchool("9201020001", "设计区实验小学", county.getId(),
                EnumSet.of(Stage.KINDERGARTEN, Stage.PRIMARY), SchoolKind.COUNTY_SCHOOL, county.getId());
        countyMiddle = organisations.createSchool("9201020002", "设计区第一中学", county.getId(),
                EnumSet.of(Stage.JUNIOR_MIDDLE, Stage.SENIOR_HIGH), SchoolKind.COUNTY_SCHOOL, county.getId());
    }

    @Test
    void R05_levelsByStage() {
        assertThat(ProjectDesignAuthorities.designLevel(Stage.SENIOR_HIGH, ProjectType.REGULAR)).isEqualTo(OrganisationLevel.PROVINCE);
        assertThat(ProjectDesignAuthorities.designLevel(Stage.JUNIOR_MIDDLE, ProjectType.REGULAR)).isEqualTo(OrganisationLevel.CITY);
        assertThat(ProjectDesignAuthorities.designLevel(Stage.PRIMARY, ProjectType.REGULAR)).isEqualTo(OrganisationLevel.COUNTY);
        assertThat(ProjectDesignAuthorities.designLevel(Stage.KINDERGARTEN, ProjectType.REGULAR)).isEqualTo(OrganisationLevel.COUNTY);
        assertThat(ProjectDesignAuthorities.designLevel(Stage.SENIOR_HIGH, ProjectType.KEY_TEACHER)).isEqualTo(OrganisationLevel.COUNTY);
        assertThat(ProjectDesignAuthorities.designLevel(Stage.SENIOR_HIGH, ProjectType.SCHOOL_BASED)).isEqualTo(OrganisationLevel.SCHOOL);
    }

    @Test
    void R05_seniorHighProjectsAreDesignedByTheProvinceJuniorMiddleByTheCity() {
        DesignAuthority high = authorities.forSchool(countyMiddle.getId(), Stage.SENIOR_HIGH, ProjectType.REGULAR);
        DesignAuthority junior = authorities.forSchool(countyMiddle.getId(), Stage.JUNIOR_MIDDLE, ProjectType.REGULAR);
        assertThat(high.designer()).isEqualTo(province);
        assertThat(high.needsReview()).isFalse();
        assertThat(junior.designer()).isEqualTo(city);
    }

    @Test
    void R05_primaryAndKindergartenProjectsAreDesignedByTheCounty() {
        assertThat(authorities.forSchool(countySchool.getId(), Stage.PRIMARY, ProjectType.REGULAR).designer()).isEqualTo(county);
        assertThat(authorities.forSchool(countySchool.getId(), Stage.KINDERGARTEN, ProjectType.REGULAR).designer()).isEqualTo(county);
    }

    @Test
    void R05_countyKeyTeacherProjectsForMiddleSchoolsNeedTheCitysReview() {
        DesignAuthority keyTeachers = authorities.forSchool(countyMiddle.getId(), Stage.SENIOR_HIGH, ProjectType.KEY_TEACHER);
        assertThat(keyTeachers.designer()).isEqualTo(county);
        assertThat(keyTeachers.reviewer()).isEqualTo(city);
        assertThat(keyTeachers.needsReview()).isTrue();
        DesignAuthority primaryKeyTeachers = authorities.forSchool(countySchool.getId(), Stage.PRIMARY, ProjectType.KEY_TEACHER);
        assertThat(primaryKeyTeachers.designer()).isEqualTo(county);
        assertThat(primaryKeyTeachers.needsReview()).isFalse();
    }

    @Test
    void R05_schoolBasedProjectsAreDesignedByTheSchool() {
        DesignAuthority schoolBased = authorities.forSchool(countyMiddle.getId(), Stage.JUNIOR_MIDDLE, ProjectType.SCHOOL_BASED);
        assertThat(schoolBased.designer()).isEqualTo(countyMiddle);
        assertThat(schoolBased.level()).isEqualTo(OrganisationLevel.SCHOOL);
    }

    @Test
    void R05_directSchoolsTrainWithTheirRegistrationAuthority() {
        Organisation cityKindergarten = organisations.createSchool("9201000001", "设计市直属幼儿园", city.getId(),
                Set.of(Stage.KINDERGARTEN), SchoolKind.CITY_DIRECT, county.getId());
        Organisation provinceMiddle = organisations.createSchool("9200000001", "设计省实验中学", province.getId(),
                EnumSet.of(Stage.JUNIOR_MIDDLE, Stage.SENIOR_HIGH), SchoolKind.PROVINCE_DIRECT, city.getId());
        assertThat(authorities.forSchool(cityKindergarten.getId(), Stage.KINDERGARTEN, ProjectType.REGULAR).designer()).isEqualTo(county);
        assertThat(authorities.forSchool(provinceMiddle.getId(), Stage.JUNIOR_MIDDLE, ProjectType.REGULAR).designer()).isEqualTo(city);
        // A city-direct middle school has no county above it: its key-teacher projects are the city's own.
        Organisation cityMiddle = organisations.createSchool("9201000002", "设计市第一中学", city.getId(),
                Set.of(Stage.SENIOR_HIGH), SchoolKind.CITY_DIRECT, city.getId());
        DesignAuthority keyTeachers = authorities.forSchool(cityMiddle.getId(), Stage.SENIOR_HIGH, ProjectType.KEY_TEACHER);
        assertThat(keyTeachers.designer()).isEqualTo(city);
        assertThat(keyTeachers.needsReview()).isFalse();
    }

    @Test
    void R03_whoeverDesignsTheProjectRegistersItsHours() {
        assertThat(authorities.forSchool(countyMiddle.getId(), Stage.SENIOR_HIGH, ProjectType.REGULAR).registrar()).isEqualTo(province);
        assertThat(authorities.forSchool(countySchool.getId(), Stage.PRIMARY, ProjectType.SCHOOL_BASED).registrar()).isEqualTo(countySchool);
        // The city reviews a county key-teacher plan, but the county still registers the hours.
        assertThat(authorities.forSchool(countyMiddle.getId(), Stage.JUNIOR_MIDDLE, ProjectType.KEY_TEACHER).registrar()).isEqualTo(county);
    }

    @Test
    void R05_stageMustBeTaughtAtTheSchool() {
        assertRefused(() -> authorities.forSchool(countySchool.getId(), Stage.SENIOR_HIGH, ProjectType.REGULAR), "R-05", "stage");
        assertRefused(() -> authorities.forSchool(county.getId(), Stage.PRIMARY, ProjectType.REGULAR), "R-02", "schoolId");
    }
}
