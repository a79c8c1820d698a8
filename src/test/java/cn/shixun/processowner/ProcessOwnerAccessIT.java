package cn.shixun.processowner;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.processowner.drafts.ModelDraft;
import cn.shixun.processowner.drafts.ModelDrafts;
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
    @Autowired ModelDrafts drafts;

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

    @ParameterizedTest
    @CsvSource({"teacher, TEACHER", "county.reviewer, COUNTY_REVIEWER", "manager, MANAGER", "sysadmin, SYSTEM_ADMIN"})
    void everyOtherRoleIsRefusedTheDraftPages_andStartsOrDiscardsNothing(String username, Role role) throws Exception {
        int before = drafts.editing().size();
        mvc.perform(get("/process-owner/drafts").with(as(username, role))).andExpect(status().isForbidden());
        mvc.perform(get("/process-owner/drafts/1").with(as(username, role))).andExpect(status().isForbidden());
        mvc.perform(post("/process-owner/drafts").with(as(username, role)).with(csrf())
                .param("definitionId", requirementsDefinitionId())).andExpect(status().isForbidden());
        mvc.perform(post("/process-owner/drafts/1/discard").with(as(username, role)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(drafts.editing()).hasSize(before);
    }

    @Test
    void theProcessOwnerStartsADraftFromAVersionPage_editsAndDiscardsIt() throws Exception {
        RequestPostProcessor owner = as("process.owner", Role.PROCESS_OWNER);
        String location = mvc.perform(post("/process-owner/drafts").with(owner).with(csrf())
                        .param("definitionId", requirementsDefinitionId()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/process-owner/drafts/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get(location).with(owner)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("dmn-modeler.production.min.js")))
                .andExpect(content().string(Matchers.containsString("草稿 requirements.dmn")));
        mvc.perform(get("/process-owner/drafts").with(owner)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(location)));
        mvc.perform(post(location + "/discard").with(owner).with(csrf())).andExpect(redirectedUrl("/process-owner/drafts"));
        assertThat(drafts.get(id).state()).isEqualTo(ModelDraft.State.DISCARDED);
        mvc.perform(post(location + "/discard").with(owner).with(csrf())).andExpect(status().isConflict());
    }

    @Test
    void aDraftFromAnUnknownDefinitionIsNotFound_andNothingIsStarted() throws Exception {
        int before = drafts.editing().size();
        mvc.perform(post("/process-owner/drafts").with(as("process.owner", Role.PROCESS_OWNER)).with(csrf())
                .param("definitionId", "noSuchDefinition:1:x")).andExpect(status().isNotFound());
        assertThat(drafts.editing()).hasSize(before);
    }

    private String requirementsDefinitionId() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey("requirements").latestVersion()
                .singleResult().getId();
    }

    private String[] pathsOfTheConsole() {
        return new String[] {
            "/process-owner",
            "/process-owner/drafts",
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
