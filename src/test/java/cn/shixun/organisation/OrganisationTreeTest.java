package cn.shixun.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.shared.BusinessRuleException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/** R-02 (four levels, one parent, schools with stages), R-04 (registration authority) and the scope helpers. */
@SpringBootTest
@Transactional
class OrganisationTreeTest {

    @Autowired
    Organisations organisations;

    @Autowired
    OrganisationRepository repository;

    Organisation province;
    Organisation city;
    Organisation county;
    Organisation otherCounty;
    Organisation otherCity;

    @BeforeEach
    void tree() {
        province = organisations.createRegion("910000", "测试省", OrganisationLevel.PROVINCE, null, "henan-2016");
        city = organisations.createRegion("910100", "测试市", OrganisationLevel.CITY, province.getId(), null);
        county = organisations.createRegion("910102", "测试区", OrganisationLevel.COUNTY, city.getId(), null);
        otherCounty = organisations.createRegion("910103", "另一区", OrganisationLevel.COUNTY, city.getId(), null);
        otherCity = organisations.createRegion("910200", "另一市", OrganisationLevel.CITY, province.getId(), null);
    }

    @Test
    void R02_pathListsEveryAncestorAndLineageRunsFromTheProvinceDown() {
        Organisation school = countySchool("9101020001", Stage.PRIMARY);
        assertThat(school.path()).isEqualTo("/" + province.getId() + "/" + city.getId() + "/" + county.getId() + "/" + school.getId() + "/");
        assertThat(organisations.lineage(school.getId())).extracting(Organisation::code)
                .containsExactly("910000", "910100", "910102", "9101020001");
        assertThat(organisations.children(city.getId())).extracting(Organisation::code).containsExactly("910102", "910103");
        assertThat(organisations.list(OrganisationLevel.COUNTY, city.getId())).extracting(Organisation::code)
                .containsExactly("910102", "910103");
    }

    @Test
    void R02_eachLevelHangsUnderTheLevelAbove() {
        long before = repository.count();
        assertRefused(() -> organisations.createRegion("919999", "县下之市", OrganisationLevel.CITY, county.getId(), null),
                "R-02", "parentId");
        assertRefused(() -> organisations.createRegion("919998", "省下之县", OrganisationLevel.COUNTY, province.getId(), null),
                "R-02", "parentId");
        assertRefused(() -> organisations.createRegion("919997", "无上级市", OrganisationLevel.CITY, null, null),
                "R-02", "parentId");
        assertRefused(() -> organisations.createRegion("919996", "有上级的省", OrganisationLevel.PROVINCE, province.getId(), null),
                "R-02", "parentId");
        assertRefused(() -> organisations.createRegion("919995", "学校", OrganisationLevel.SCHOOL, county.getId(), null),
                "R-02", "level");
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void R02_schoolNeedsAStageAndAParentMatchingItsKind() {
        long before = repository.count();
        assertRefused(() -> organisations.createSchool("9101020009", "无学段学校", county.getId(), Set.of(),
                SchoolKind.COUNTY_SCHOOL, county.getId()), "R-02", "stages");
        assertRefused(() -> organisations.createSchool("9101000009", "挂在区下的市直学校", county.getId(), Set.of(Stage.PRIMARY),
                SchoolKind.CITY_DIRECT, county.getId()), "R-02", "parentId");
        assertRefused(() -> organisations.createSchool("9101000008", "挂在市下的县属学校", city.getId(), Set.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, city.getId()), "R-02", "parentId");
        Organisation school = countySchool("9101020001", Stage.PRIMARY);
        assertRefused(() -> organisations.createSchool("9101020002", "挂在学校下的学校", school.getId(), Set.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, county.getId()), "R-02", "parentId");
        assertThat(repository.count()).isEqualTo(before + 1);
    }

    @Test
    void duplicateCodeIsAConflictAndBlankNamesAreRefused() {
        assertThatThrownBy(() -> organisations.createRegion("910102", "重复", OrganisationLevel.COUNTY, city.getId(), null))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT);
                    assertThat(e.field()).isEqualTo("code");
                });
        assertRefused(() -> organisations.createRegion("910104", " ", OrganisationLevel.COUNTY, city.getId(), null), null, "name");
    }

    @Test
    void R04_countySchoolIsRegisteredByItsOwnCounty() {
        Organisation school = countySchool("9101020001", Stage.PRIMARY);
        assertThat(organisations.registrationAuthorityOf(school.getId())).isEqualTo(county);
        assertRefused(() -> organisations.createSchool("9101020002", "别区登记的学校", county.getId(), Set.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, otherCounty.getId()), "R-04", "registrationAuthorityId");
    }

    @Test
    void R04_cityDirectMiddleSchoolIsRegisteredByTheCity() {
        Organisation school = organisations.createSchool("9101000001", "测试市第一中学", city.getId(),
                EnumSet.of(Stage.JUNIOR_MIDDLE, Stage.SENIOR_HIGH), SchoolKind.CITY_DIRECT, city.getId());
        assertThat(organisations.registrationAuthorityOf(school.getId())).isEqualTo(city);
        assertRefused(() -> organisations.createSchool("9101000002", "区登记的市直中学", city.getId(), Set.of(Stage.SENIOR_HIGH),
                SchoolKind.CITY_DIRECT, county.getId()), "R-04", "registrationAuthorityId");
        assertRefused(() -> organisations.createSchool("9101000003", "别市登记的市直中学", city.getId(), Set.of(Stage.SENIOR_HIGH),
                SchoolKind.CITY_DIRECT, otherCity.getId()), "R-04", "registrationAuthorityId");
    }

    @Test
    void R04_cityDirectKindergartenIsRegisteredByTheDistrictWhereItStands() {
        Organisation school = organisations.createSchool("9101000004", "测试市直属机关幼儿园", city.getId(),
                Set.of(Stage.KINDERGARTEN), SchoolKind.CITY_DIRECT, county.getId());
        assertThat(organisations.registrationAuthorityOf(school.getId())).isEqualTo(county);
        assertRefused(() -> organisations.createSchool("9101000005", "市登记的市直小学", city.getId(), Set.of(Stage.PRIMARY),
                SchoolKind.CITY_DIRECT, city.getId()), "R-04", "registrationAuthorityId");
    }

    @Test
    void R04_provinceDirectSchoolsFollowTheCityOrTheDistrict() {
        Organisation middle = organisations.createSchool("9100000001", "测试省实验中学", province.getId(),
                EnumSet.of(Stage.JUNIOR_MIDDLE, Stage.SENIOR_HIGH), SchoolKind.PROVINCE_DIRECT, city.getId());
        Organisation primary = organisations.createSchool("9100000002", "测试省直属小学", province.getId(),
                Set.of(Stage.PRIMARY), SchoolKind.PROVINCE_DIRECT, county.getId());
        assertThat(organisations.registrationAuthorityOf(middle.getId())).isEqualTo(city);
        assertThat(organisations.registrationAuthorityOf(primary.getId())).isEqualTo(county);
        assertRefused(() -> organisations.createSchool("9100000003", "省登记的省直中学", province.getId(), Set.of(Stage.SENIOR_HIGH),
                SchoolKind.PROVINCE_DIRECT, province.getId()), "R-04", "registrationAuthorityId");
    }

    @Test
    void R04_registrationAuthorityIsOnlyAskedOfSchools() {
        assertRefused(() -> organisations.registrationAuthorityOf(county.getId()), "R-02", "schoolId");
    }

    @Test
    void R02_scopeHelpersFollowThePath() {
        Organisation a = countySchool("9101020001", Stage.PRIMARY);
        Organisation b = organisations.createSchool("9101030001", "另一区小学", otherCounty.getId(), Set.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, otherCounty.getId());
        Organisation direct = organisations.createSchool("9101000001", "市直中学", city.getId(), Set.of(Stage.SENIOR_HIGH),
                SchoolKind.CITY_DIRECT, city.getId());
        assertThat(organisations.isWithin(a.getId(), county.getId())).isTrue();
        assertThat(organisations.isWithin(a.getId(), province.getId())).isTrue();
        assertThat(organisations.isWithin(a.getId(), a.getId())).isTrue();
        assertThat(organisations.isWithin(b.getId(), county.getId())).isFalse();
        assertThat(organisations.isWithin(county.getId(), a.getId())).isFalse();
        assertThat(organisations.isWithin(-1L, county.getId())).isFalse();
        assertThat(organisations.schoolsUnder(county.getId())).containsExactly(a);
        assertThat(organisations.schoolsUnder(city.getId())).containsExactly(direct, a, b);
        assertThat(organisations.schoolsUnder(otherCity.getId())).isEmpty();
    }

    private Organisation countySchool(String code, Stage stage) {
        return organisations.createSchool(code, "学校" + code, county.getId(), Set.of(stage), SchoolKind.COUNTY_SCHOOL, county.getId());
    }

    static void assertRefused(Runnable call, String ruleId, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
            assertThat(e.ruleId()).isEqualTo(ruleId);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
