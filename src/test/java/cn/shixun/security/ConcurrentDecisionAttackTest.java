package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.exemption.DegreeExemption;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.exemption.Diploma;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.DegreeLevel;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teachers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Two reviewers of the same county decide the same degree-exemption task at the same moment
 * (issue 4): one wins, the other gets a 409 problem detail saying someone else has handled it,
 * and the ledger gets exactly one entry. Two threads released together by a latch, one context.
 */
@SpringBootTest
class ConcurrentDecisionAttackTest {

    @Autowired WebApplicationContext context;
    @Autowired EvidenceFiles evidence;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired DegreeExemptions exemptions;
    @Autowired CaseTasks tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    @Test
    void twoReviewersDecidingTheSameTaskAtOnce_oneWinsTheOtherGets409AndTheLedgerOneEntry() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        SecurityTestData data = new SecurityTestData(organisations, teachers);
        String admin = data.username("admin");
        String first = data.username("reviewer1");
        String second = data.username("reviewer2");
        CurrentAccount schoolAdmin = accounts.createAccount(admin, SecurityTestData.PASSWORD, "王丽", Role.SCHOOL_ADMIN,
                data.schoolA.getId());
        accounts.createAccount(first, SecurityTestData.PASSWORD, "赵明", Role.COUNTY_REVIEWER, data.countyA.getId());
        accounts.createAccount(second, SecurityTestData.PASSWORD, "钱亮", Role.COUNTY_REVIEWER, data.countyA.getId());
        DegreeExemption exemption = exemptions.apply(data.teacher.getId(), data.username("teacher"), new Diploma(
                "河南大学", DegreeLevel.BACHELOR, "教育学", true, LocalDate.of(2023, 9, 1), LocalDate.of(2025, 7, 1),
                "RACE-" + data.prefix, StoredEvidence.of(evidence, data.teacher.getId())));
        long id = exemption.getId();
        tasks.decide(exemptions.openTask(id).orElseThrow().id(), schoolAdmin, Decision.APPROVE, null);
        String taskId = exemptions.openTask(id).orElseThrow().id();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        try {
            for (String reviewer : List.of(first, second)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(post("/api/tasks/" + taskId + "/decisions")
                            .with(user(users.loadUserByUsername(reviewer))).accept(MediaType.APPLICATION_JSON)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"APPROVE\",\"comment\":\"同意\"}"))
                            .andReturn().getResponse();
                }));
            }
            start.countDown();
            List<MockHttpServletResponse> responses = new ArrayList<>();
            for (Future<MockHttpServletResponse> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            responses.sort(Comparator.comparingInt(MockHttpServletResponse::getStatus));

            // Even a loser that read the task just before the winner's commit and its candidates just
            // after gets 409, not 403 "not your task": the task is read again before refusing.
            assertThat(responses.get(0).getStatus()).isEqualTo(200);
            assertThat(responses.get(1).getStatus()).isEqualTo(409);
            JsonNode lost = json.readTree(responses.get(1).getContentAsString());
            assertThat(lost.get("type").asText()).isIn("urn:shixun:problem:concurrent-change",
                    "urn:shixun:problem:task.decided-concurrently", "urn:shixun:problem:task.already-completed");
            assertThat(lost.get("detail").asText()).isNotBlank();
        } finally {
            pool.shutdownNow();
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_event WHERE process_key = 'degreeExemption'"
                + " AND case_id = ? AND task_key = 'UserTask_AuthorityReview'", Integer.class, String.valueOf(id)))
                .as("one decision recorded").isEqualTo(1);
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("degreeExemption").processInstanceBusinessKey(String.valueOf(id))
                .singleResult().getId();
        for (Job job : management.createJobQuery().processInstanceId(instance).messages().list()) {
            management.executeJob(job.getId());
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE source_ref = ?", Integer.class,
                "degreeExemption/" + id)).as("credited once").isEqualTo(1);
    }
}
