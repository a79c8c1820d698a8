package cn.shixun.organisation;

import static cn.shixun.organisation.OrganisationTreeTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.shared.BusinessRuleException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/** the provider register, and the refusing form of the eligibility check that processes call. */
@SpringBootTest
@Transactional
class R06TrainingProviderRegisterTest {

    @Autowired
    Organisations organisations;

    @Autowired
    TrainingProviders providers;

    @Autowired
    TrainingProviderRepository repository;

    @Autowired
    ProviderEligibility eligibility;

    Organisation city;
    Organisation county;

    @BeforeEach
    void tree() {
        Organisation province = organisations.createRegion("970000", "机构省", OrganisationLevel.PROVINCE, null, "henan-2016");
        city = organisations.createRegion("970100", "机构市", OrganisationLevel.CITY, province.getId(), null);
        county = organisations.createRegion("970102", "机构区", OrganisationLevel.COUNTY, city.getId(), null);
    }

    @Test
    void R06_countyTrainingSchoolNamesItsCountyOtherKindsDoNot() {
        long before = repository.count();
        assertRefused(() -> providers.register("机构区进修学校", ProviderKind.COUNTY_TRAINING_SCHOOL, false, city.getId()), "R-06", "countyId");
        assertRefused(() -> providers.register("机构师范大学", ProviderKind.NORMAL_UNDERGRADUATE, true, county.getId()), "R-06", "countyId");
        assertRefused(() -> providers.register("无类别机构", null, true, null), "R-06", "kind");
        assertRefused(() -> providers.register(" ", ProviderKind.ONLINE_PLATFORM, true, null), null, "name");
        assertThat(repository.count()).isEqualTo(before);
        TrainingProvider school = providers.register("机构区进修学校", ProviderKind.COUNTY_TRAINING_SCHOOL, false, county.getId());
        assertThat(school.countyId()).isEqualTo(county.getId());
        assertThatThrownBy(() -> providers.register("机构区进修学校", ProviderKind.COUNTY_TRAINING_SCHOOL, false, county.getId()))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT));
    }

    @Test
    void R06_checkRefusesAnIneligibleProviderWithTheReason() {
        TrainingProvider company = providers.register("机构咨询公司", ProviderKind.OTHER, false, null);
        TrainingProvider university = providers.register("机构师范大学", ProviderKind.NORMAL_UNDERGRADUATE, true, null);
        assertThatThrownBy(() -> eligibility.check(company.getId(), Stage.PRIMARY, county.getId()))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.ruleId()).isEqualTo("R-06");
                    assertThat(e.field()).isEqualTo("providerId");
                    assertThat(e.messageKey()).isEqualTo("provider.r06.not-teacher-training");
                    assertThat(e.messageArgs()).containsExactly("机构咨询公司");
                });
        assertThat(eligibility.check(university.getId(), Stage.SENIOR_HIGH, null)).isEqualTo(university);
        assertRefused(() -> eligibility.check(university.getId(), null, null), "R-06", "stage");
    }
}
