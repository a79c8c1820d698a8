package cn.shixun.processowner;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.security.Role;
import org.camunda.bpm.engine.RepositoryService;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The console is the process owners' (ADR 0012 §2): every other role gets 403 on its pages and on
 * the API its scripts call. As the demo accounts; the same context as the browser tests (same
 * annotations), so no extra start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shixun.demo-data.enabled=true")
class ProcessOwnerAccessIT {

    @Autowired WebApplicationContext context;
    @Autowired RepositoryService repository;

    MockMvc mvc;
    int exemptionVersion;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        exemptionVersion = repository.createProcessDefinitionQuery().processDefinitionKey("degreeExemption")
                .latestVersion().singleResult().getVersion();
    }

    @ParameterizedTest
    @CsvSource({"teacher, TEACHER", "county.reviewer, COUNTY_REVIEWER", "manager, MANAGER", "sysadmin, SYSTEM_ADMIN"})
    void everyOtherRoleIsRefusedPagesAndApi(String username, Role role) throws Exception {
        for (String path : pathsOfTheConsole()) {
            mvc.perform(get(path).with(as(username, role))).andExpect(status().isForbidden());
        }
    }

    @Test
    void theProcessOwnerOpensPagesAndApi() throws Exception {
        RequestPostProcessor owner = as("process.owner", Role.PROCESS_OWNER);
        for (String path : pathsOfTheConsole()) {
            mvc.perform(get(path).with(owner)).andExpect(status().isOk());
        }
        mvc.perform(get("/process-owner").with(owner))
                .andExpect(content().string(Matchers.containsString("流程与规则管理")));
        mvc.perform(get("/process-owner/api/procedures/degreeExemption/" + exemptionVersion + "/model").with(owner))
                .andExpect(jsonPath("$.xml", Matchers.containsString("id=\"degreeExemption\"")));
    }

    @Test
    void anUnknownProcedureOrVersionIsNotFound() throws Exception {
        RequestPostProcessor owner = as("process.owner", Role.PROCESS_OWNER);
        mvc.perform(get("/process-owner/procedures/noSuchProcess").with(owner)).andExpect(status().isNotFound());
        mvc.perform(get("/process-owner/procedures/degreeExemption/999").with(owner)).andExpect(status().isNotFound());
        mvc.perform(get("/process-owner/api/decisions/requirements/999/model").with(owner))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("version"));
    }

    private String[] pathsOfTheConsole() {
        return new String[] {
            "/process-owner",
            "/process-owner/procedures/degreeExemption",
            "/process-owner/procedures/degreeExemption/" + exemptionVersion,
            "/process-owner/decisions/requirements/1",
            "/process-owner/api/procedures/degreeExemption/" + exemptionVersion + "/model",
            "/process-owner/api/procedures/degreeExemption/" + exemptionVersion + "/open-steps",
            "/process-owner/api/decisions/requirements/1/model"
        };
    }

    private static RequestPostProcessor as(String username, Role role) {
        return user(username).roles(role.name());
    }
}
