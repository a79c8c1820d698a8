package cn.shixun.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.organisation.Organisations;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teachers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** which candidate groups review a teacher's own application, for each school shape of the demo data. */
@SpringBootTest
class R04ReviewRoutingTest {

    @Autowired ReviewRouting routing;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;

    R04Schools schools;

    @BeforeEach
    void setUp() {
        schools = new R04Schools(organisations, teachers);
    }

    @Test
    void R04_countySchoolIsReviewedByItsSchoolThenItsCounty() {
        assertThat(routing.schoolReview(schools.countySchool.getId()).id())
                .isEqualTo("school-admin:" + schools.countySchool.code());
        assertThat(routing.authorityReview(schools.countySchool.getId()).id())
                .isEqualTo("county-reviewer:" + schools.district.code());
    }

    @Test
    void R04_cityDirectMiddleSchoolGoesToTheCityCeOffice() {
        assertThat(routing.authorityReview(schools.cityMiddleSchool.getId()).id())
                .isEqualTo("city-reviewer:" + schools.city.code());
    }

    @Test
    void R04_cityDirectKindergartenGoesToTheDistrictWhereItStands() {
        assertThat(routing.authorityReview(schools.cityKindergarten.getId()).id())
                .isEqualTo("county-reviewer:" + schools.district.code());
    }

    @Test
    void R04_provinceDirectMiddleSchoolGoesToTheCityCeOffice() {
        assertThat(routing.schoolReview(schools.provinceMiddleSchool.getId()).id())
                .isEqualTo("school-admin:" + schools.provinceMiddleSchool.code());
        assertThat(routing.authorityReview(schools.provinceMiddleSchool.getId()).id())
                .isEqualTo("city-reviewer:" + schools.city.code());
    }

    @Test
    void R04_aRegionIsNoSchoolToRoute() {
        assertThatThrownBy(() -> routing.authorityReview(schools.district.getId()))
                .isInstanceOf(BusinessRuleException.class);
    }
}
