package cn.shixun.processowner.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * ADR 0012 §2 "Drafts" and "Validation" through the API the console's editors call, on H2 with
 * the demo data: a process owner starts a draft from the deployed {@code degreeExemption}, saves
 * over the version read, loses to a newer save without storing anything, and validates; every
 * write is audited; other roles are refused; bad input changes nothing. No draft deploys anything.
 * The same context as the browser tests (same annotations): a context of its own would start a second
 * process engine under the same name, which the engine REST and the webapps of the browser tests'
 * context would then find instead of their own (their tasks "not found" in CI).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "shixun.demo-data.enabled=true")
class ModelDraftApiIT {

    private static final String DRAFTS = "/process-owner/api/drafts";
    private static final RequestPostProcessor OWNER = user("process.owner").roles("PROCESS_OWNER");

    @Autowired WebApplicationContext context;
    @Autowired RepositoryService repository;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void aDraftOfTheDeployedDegreeExemption_savedWithIfMatch_aStaleSaveIs409AndStoresNothing() throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("degreeExemption")
                .latestVersion().singleResult().getId();

        JsonNode draft = body(mvc.perform(post(DRAFTS).with(OWNER).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"definitionId\":\"" + definitionId + "\"}"))
                .andExpect(status().isCreated()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.kind").value("BPMN")).andExpect(jsonPath("$.state").value("EDITING"))
                .andExpect(jsonPath("$.resourceName").value("degreeExemption.bpmn"))
                .andExpect(jsonPath("$.baseDefinitionId").value(definitionId))
                .andExpect(jsonPath("$.createdBy").value("process.owner")));
        long id = draft.get("id").asLong();
        String deployed = draft.get("content").asText();
        assertThat(deployed).contains("id=\"degreeExemption\"", "UserTask_SchoolReview");
        assertThat(json.convertValue(draft.get("forms"), List.class))
                .contains("degreeExemptionApply.form", "degreeExemptionReview.form", "degreeExemptionAmend.form");

        String renamed = deployed.replaceFirst("name=\"[^\"]*\"", "name=\"学历免修（草稿）\"");
        mvc.perform(put(DRAFTS + "/" + id).with(OWNER).with(csrf()).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_XML).content(renamed.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.lockVersion").value(2));

        String stale = deployed.replace("UserTask_SchoolReview\" name=\"", "UserTask_SchoolReview\" name=\"旧的");
        mvc.perform(put(DRAFTS + "/" + id).with(OWNER).with(csrf()).header("If-Match", "\"1\"")
                        .contentType(MediaType.APPLICATION_XML).content(stale.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.field").value("If-Match"))
                .andExpect(jsonPath("$.detail").value(containsString("process.owner")));
        mvc.perform(put(DRAFTS + "/" + id).with(OWNER).with(csrf())
                        .contentType(MediaType.APPLICATION_XML).content(stale.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isPreconditionRequired()).andExpect(jsonPath("$.field").value("If-Match"));

        JsonNode after = body(mvc.perform(get(DRAFTS + "/" + id).with(OWNER)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\"")));
        assertThat(after.get("content").asText()).isEqualTo(renamed);
        assertThat(after.get("checksum").asText()).isEqualTo(ModelDrafts.checksum(renamed));
        assertThat(audited(id)).containsExactly("model-draft.create", "model-draft.save");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void validationOfADraftWithAnUnknownDelegateNamesThatElement() throws Exception {
        long id = degreeExemptionDraft();
        mvc.perform(post(DRAFTS + "/" + id + "/validation").with(OWNER).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        String content = body(mvc.perform(get(DRAFTS + "/" + id).with(OWNER))).get("content").asText();
        mvc.perform(put(DRAFTS + "/" + id).with(OWNER).with(csrf()).header("If-Match", "1")
                        .contentType(MediaType.APPLICATION_XML)
                        .content(content.replace("${creditHoursDelegate}", "${noSuchDelegate}").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk());

        mvc.perform(post(DRAFTS + "/" + id + "/validation").with(OWNER).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.elementId == 'ServiceTask_CreditHours' && @.ruleId == 'guard.delegate')]").exists())
                .andExpect(jsonPath("$[0].zh").value(containsString("${noSuchDelegate}")));
    }

    @Test
    void validationNamesATaskWhoseFormIsNotDeployedWithTheDraft() throws Exception {
        long id = degreeExemptionDraft();
        String content = body(mvc.perform(get(DRAFTS + "/" + id).with(OWNER))).get("content").asText();
        mvc.perform(put(DRAFTS + "/" + id).with(OWNER).with(csrf()).header("If-Match", "1")
                        .contentType(MediaType.APPLICATION_XML).content(content.replace("camunda:formRef=\"degreeExemptionAmend\"",
                                "camunda:formRef=\"degreeExemptionAppeal\"").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk());

        mvc.perform(post(DRAFTS + "/" + id + "/validation").with(OWNER).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].elementId").value("UserTask_Amend"))
                .andExpect(jsonPath("$[0].ruleId").value("draft.form-missing"))
                .andExpect(jsonPath("$[0].zh").value(containsString("degreeExemptionAppeal")));
    }

    @Test
    void validationOfATableDraftRunsThePolicyChecks_aRowWithoutItsVersionIsNamed() throws Exception {
        String table = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    id="Definitions_requirements" name="学时要求" namespace="urn:shixun:policy">
                  <decision id="requirements" name="学时要求" camunda:historyTimeToLive="P3650D">
                    <decisionTable id="DecisionTable_requirements" hitPolicy="COLLECT">
                      <input id="Input_profile"><inputExpression id="InputExpression_profile" typeRef="string"><text>profile</text></inputExpression></input>
                      <input id="Input_profileVersion"><inputExpression id="InputExpression_profileVersion" typeRef="integer"><text>profileVersion</text></inputExpression></input>
                      <output id="Output_code" name="code" typeRef="string" />
                      <rule id="Rule_v1"><inputEntry id="In_1_0"><text>"sanmenxia-2023"</text></inputEntry><inputEntry id="In_1_1"><text>1</text></inputEntry>
                        <outputEntry id="Out_1_0"><text>"YEARLY_TOTAL"</text></outputEntry></rule>
                      <rule id="Rule_every_version"><inputEntry id="In_2_0"><text>"sanmenxia-2023"</text></inputEntry><inputEntry id="In_2_1"><text>-</text></inputEntry>
                        <outputEntry id="Out_2_0"><text>"YEARLY_ETHICS"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>""";
        JsonNode draft = body(mvc.perform(multipart(DRAFTS + "/import").file(new MockMultipartFile("file", "requirements.dmn",
                        "application/xml", table.getBytes(StandardCharsets.UTF_8))).with(OWNER).with(csrf()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("DMN")));
        assertThat(draft.get("baseDefinitionId").asText()).startsWith("requirements:");

        mvc.perform(post(DRAFTS + "/" + draft.get("id").asLong() + "/validation").with(OWNER).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].elementId").value("Rule_every_version"))
                .andExpect(jsonPath("$[0].ruleId").value("policy.version-wildcard"));
        assertThat(audited(draft.get("id").asLong())).containsExactly("model-draft.create");
    }

    @Test
    void anImportedFileWithADoctypeIsRefusedNamingTheFile_nothingIsStored() throws Exception {
        long drafts = count();
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE definitions [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"D\">&x;</definitions>";

        mvc.perform(multipart(DRAFTS + "/import").file(new MockMultipartFile("file", "degreeExemption.bpmn", "application/xml",
                        doctype.getBytes(StandardCharsets.UTF_8))).with(OWNER).with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.detail").value(containsString("DOCTYPE")));
        mvc.perform(multipart(DRAFTS + "/import").file(new MockMultipartFile("file", "../../etc/notes.txt", "text/plain",
                        "x".getBytes(StandardCharsets.UTF_8))).with(OWNER).with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("file"));
        assertThat(count()).isEqualTo(drafts);
    }

    @Test
    void aSaveThatIsNoModelIsRefusedNamingTheContent_theDraftKeepsItsVersion() throws Exception {
        long id = degreeExemptionDraft();

        mvc.perform(put(DRAFTS + "/" + id).with(OWNER).with(csrf()).header("If-Match", "1")
                        .contentType(MediaType.APPLICATION_XML).content("<definitions".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("content"));
        mvc.perform(post(DRAFTS).with(OWNER).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"definitionId\":\"nope:1:x\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("definitionId"));

        mvc.perform(get(DRAFTS + "/" + id).with(OWNER)).andExpect(jsonPath("$.lockVersion").value(1));
        assertThat(audited(id)).containsExactly("model-draft.create");
    }

    @Test
    void aDiscardedDraftIsNoLongerSaved() throws Exception {
        long id = degreeExemptionDraft();
        String content = body(mvc.perform(get(DRAFTS + "/" + id).with(OWNER))).get("content").asText();

        mvc.perform(post(DRAFTS + "/" + id + "/discard").with(OWNER).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DISCARDED"));
        mvc.perform(put(DRAFTS + "/" + id).with(OWNER).with(csrf()).header("If-Match", "2")
                        .contentType(MediaType.APPLICATION_XML).content(content.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isConflict());

        assertThat(audited(id)).containsExactly("model-draft.create", "model-draft.discard");
        mvc.perform(get(DRAFTS).with(OWNER)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").doesNotExist());
    }

    @Test
    void aTeacherAndAReviewerAreRefused_403_andNothingIsStored() throws Exception {
        long drafts = count();
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("degreeExemption")
                .latestVersion().singleResult().getId();

        for (RequestPostProcessor other : List.of(user("teacher.smx").roles("TEACHER"), user("school.admin").roles("SCHOOL_ADMIN"))) {
            mvc.perform(post(DRAFTS).with(other).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"definitionId\":\"" + definitionId + "\"}")).andExpect(status().isForbidden());
            mvc.perform(get(DRAFTS).with(other)).andExpect(status().isForbidden());
        }
        mvc.perform(post(DRAFTS).with(OWNER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"definitionId\":\"" + definitionId + "\"}")).andExpect(status().isForbidden());
        assertThat(count()).isEqualTo(drafts);
    }

    private long degreeExemptionDraft() throws Exception {
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("degreeExemption")
                .latestVersion().singleResult().getId();
        return body(mvc.perform(post(DRAFTS).with(OWNER).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"definitionId\":\"" + definitionId + "\"}")).andExpect(status().isCreated())).get("id").asLong();
    }

    private JsonNode body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private List<String> audited(long id) {
        return jdbc.queryForList("SELECT action FROM audit_event WHERE subject_type = ? AND subject_id = ? ORDER BY id",
                String.class, ModelDrafts.SUBJECT, String.valueOf(id));
    }

    private long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM model_draft", Long.class);
    }
}
