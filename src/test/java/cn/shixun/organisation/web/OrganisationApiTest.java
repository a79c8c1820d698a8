package cn.shixun.organisation.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.ProviderKind;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.organisation.TrainingProvider;
import cn.shixun.organisation.TrainingProviders;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;

/** The organisation and training-provider API, on the shared application context. */
@SpringBootTest
@Transactional
@WithMockUser
class OrganisationApiTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Organisations organisations;

    @Autowired
    TrainingProviders providers;

    MockMvc mvc;
    Organisation city;
    Organisation county;
    Organisation school;
    Organisation kindergarten;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        Organisation province = organisations.createRegion("950000", "接口省", OrganisationLevel.PROVINCE, null, "henan-2016");
        city = organisations.createRegion("950100", "接口市", OrganisationLevel.CITY, province.getId(), null);
        county = organisations.createRegion("950102", "接口区", OrganisationLevel.COUNTY, city.getId(), null);
        school = organisations.createSchool("9501020001", "接口区实验小学", county.getId(), Set.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, county.getId());
        kindergarten = organisations.createSchool("9501000001", "接口市直属幼儿园", city.getId(), Set.of(Stage.KINDERGARTEN),
                SchoolKind.CITY_DIRECT, county.getId());
        organisations.createSchool("9501000002", "接口市第一中学", city.getId(), EnumSet.of(Stage.JUNIOR_MIDDLE, Stage.SENIOR_HIGH),
                SchoolKind.CITY_DIRECT, city.getId());
    }

    @Test
    void R02_listByLevelAndParent() throws Exception {
        mvc.perform(get("/api/organisations").param("level", "COUNTY").param("parentId", city.getId().toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].code").value("950102"))
                .andExpect(jsonPath("$[0].levelLabel").value("县（区）"));
        mvc.perform(get("/api/organisations/{id}", school.getId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stages[0]").value("PRIMARY"))
                .andExpect(jsonPath("$.schoolKind").value("COUNTY_SCHOOL"))
                .andExpect(jsonPath("$.parentId").value(county.getId()));
        mvc.perform(get("/api/organisations/{id}/children", city.getId()))
                .andExpect(jsonPath("$[*].code").value(contains("9501000001", "9501000002", "950102")));
    }

    @Test
    void R02_allSchoolsBelowAnOrganisation() throws Exception {
        mvc.perform(get("/api/organisations/{id}/schools", city.getId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(contains("9501000001", "9501000002", "9501020001")));
        mvc.perform(get("/api/organisations/{id}/schools", county.getId()))
                .andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void R04_registrationAuthorityOfASchool() throws Exception {
        mvc.perform(get("/api/organisations/{id}/registration-authority", kindergarten.getId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("950102"));
        mvc.perform(get("/api/organisations/{id}/registration-authority", county.getId()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-02"))
                .andExpect(jsonPath("$.field").value("schoolId"));
    }

    @Test
    void unknownOrganisationAndBadParametersAreClearlyRefused() throws Exception {
        mvc.perform(get("/api/organisations/{id}", -1))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("id"))
                .andExpect(jsonPath("$.detail").value("找不到编号为 -1 的单位"));
        mvc.perform(get("/api/organisations/{id}/children", -1)).andExpect(status().isNotFound());
        mvc.perform(get("/api/organisations").param("level", "VILLAGE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("level"));
    }

    @Test
    void R06_eligibilityWithReasonInChineseOrEnglish() throws Exception {
        TrainingProvider juniorCollege = providers.register("接口幼儿师范高等专科学校", ProviderKind.NORMAL_JUNIOR_COLLEGE, true, null);
        TrainingProvider countySchool = providers.register("接口区教师进修学校", ProviderKind.COUNTY_TRAINING_SCHOOL, false, county.getId());
        mvc.perform(get("/api/training-providers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == '接口区教师进修学校')].countyId").value(county.getId().intValue()));
        mvc.perform(get("/api/training-providers/{id}/eligibility", juniorCollege.getId()).param("stage", "PRIMARY"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eligible").value(false))
                .andExpect(jsonPath("$.ruleId").value("R-06"))
                .andExpect(jsonPath("$.reason").value(containsString("只能承担幼儿园教师培训项目")));
        mvc.perform(get("/api/training-providers/{id}/eligibility", juniorCollege.getId()).param("stage", "KINDERGARTEN")
                        .header("Accept-Language", "en"))
                .andExpect(jsonPath("$.eligible").value(true))
                .andExpect(jsonPath("$.reason").value(containsString("may deliver")));
        mvc.perform(get("/api/training-providers/{id}/eligibility", countySchool.getId())
                        .param("stage", "KINDERGARTEN").param("countyId", county.getId().toString()))
                .andExpect(jsonPath("$.eligible").value(true));
    }

    @Test
    void R06_eligibilityRefusesUnknownProviderMissingStageUnknownCounty() throws Exception {
        mvc.perform(get("/api/training-providers/{id}/eligibility", -1).param("stage", "PRIMARY"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("providerId"));
        TrainingProvider university = providers.register("接口师范大学", ProviderKind.NORMAL_UNDERGRADUATE, true, null);
        mvc.perform(get("/api/training-providers/{id}/eligibility", university.getId()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("stage"));
        mvc.perform(get("/api/training-providers/{id}/eligibility", university.getId()).param("stage", "PRIMARY").param("countyId", "-3"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("countyId"));
    }
}
