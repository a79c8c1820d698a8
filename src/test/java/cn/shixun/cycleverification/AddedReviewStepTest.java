package cn.shixun.cycleverification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.Stage;
import cn.shixun.policy.ClaimKind;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.AddedReviewStep;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A process owner adds a review step to cycleVerification — the city rechecks after confirming —
 * and nothing else changes: the API, the batch counts and the pages show the new step by the name
 * and level the model gives it, its approval is checked for the hours like every review (R-07), and
 * the certificate is issued after it (R-36). The variant is deployed on the in-memory engine and
 * removed afterwards, with the cases started on it.
 */
@SpringBootTest
class AddedReviewStepTest {

    private static final String CITY_RECHECK = "UserTask_CityRecheck";
    /** 市级复核 between the city's confirmation and the province's filing. */
    private static final AddedReviewStep CITY_RECHECK_ADDED = new AddedReviewStep("SequenceFlow_CityApproved",
            CITY_RECHECK, "市级复核", "cityReview", "cycleVerificationReview", "UserTask_SchoolAmend", "EndEvent_Rejected");

    @Autowired Clock clock;
    @Autowired WebApplicationContext context;
    @Autowired RepositoryService repository;
    @Autowired ManagementService management;
    @Autowired CycleVerifications verifications;
    @Autowired VerificationBatches batches;
    @Autowired Certificates certificates;
    @Autowired CaseTasks tasks;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;

    MockMvc mvc;
    VerificationFixture data;
    Deployment variant;

    @BeforeEach
    void setUp() throws IOException {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        data = new VerificationFixture(organisations, teachers, accounts, ledger, LocalDate.now(clock));
        variant = repository.createDeployment().name("cycleVerification with a city recheck")
                .addString("cycleVerification.bpmn", CITY_RECHECK_ADDED.into(read("processes/cycleVerification.bpmn")))
                .addString("cycleVerificationReview.form", read("forms/cycleVerificationReview.form"))
                .addString("cycleVerificationAmend.form", read("forms/cycleVerificationAmend.form"))
                .deploy();
    }

    @AfterEach
    void putTheOriginalModelBack() {
        // Later tests in this context start cases on the latest version: the repository's model again.
        repository.deleteDeployment(variant.getId(), true);
    }

    @Test
    void R34_R07_R36_aReviewStepAddedInTheModelShowsByItsNameAndLevel_isCheckedForTheHours_andTheCertificateFollows()
            throws Exception {
        Teacher shortLater = data.teacherWith(data.schools.countySchool, Stage.PRIMARY, "0", "80");
        LedgerEntry general = data.credit(shortLater, ClaimKind.PROGRAMME_CERTIFIED, data.certifiedOn.plusYears(1), "280");
        Teacher complete = data.completeTeacher();
        VerificationDeclarations.Declared batch = batches.declare(data.schoolAdmin, data.declare(shortLater, complete));
        CycleVerification first = batch.verifications().get(0);
        CycleVerification second = batch.verifications().get(1);
        decide(first, data.countyReviewer, Decision.APPROVE);
        decide(first, data.cityReviewer, Decision.APPROVE);
        decide(second, data.countyReviewer, Decision.APPROVE);

        api("/api/cycle-verifications/" + first.getId())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.statusLabel").value("市级复核中"))
                .andExpect(jsonPath("$.openSteps[0].key").value(CITY_RECHECK))
                .andExpect(jsonPath("$.openSteps[0].name").value("市级复核"))
                .andExpect(jsonPath("$.openSteps[0].kind").value("REVIEW"))
                .andExpect(jsonPath("$.openSteps[0].level").value("CITY"))
                .andExpect(jsonPath("$.currentTask.candidateGroups[0]").value("city-reviewer:" + data.schools.city.code()));
        // Counted by open step: the added step under its own name, beside the city's confirmation.
        api("/api/cycle-verifications/batches/" + batch.batch().getId())
                .andExpect(jsonPath("$.counts[*].statusLabel").value(containsInAnyOrder("市级确认中", "市级复核中")))
                .andExpect(jsonPath("$.counts[*].level").value(containsInAnyOrder("CITY", "CITY")))
                .andExpect(jsonPath("$.counts[*].count").value(containsInAnyOrder(1, 1)));
        mvc.perform(get("/cycle-verifications/batches/" + batch.batch().getId()).with(as(data.schoolAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("市级复核中")));
        mvc.perform(get("/cycle-verifications/" + first.getId()).with(as(data.cityReviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("市级复核中")));

        // R-07 holds at the added step as at every review: the hours are read again and found short.
        ledger.correct(general.getId(), "证书系伪造，撤销登记", null, null, data.countyReviewer.username());
        assertThatThrownBy(() -> decide(first, data.cityReviewer, Decision.APPROVE))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.ruleId()).isEqualTo("R-07"));
        assertThat(VerificationStanding.of(verifications, first.getId())).isEqualTo("OPEN@" + CITY_RECHECK);

        decide(second, data.cityReviewer, Decision.APPROVE);
        decide(second, data.cityReviewer, Decision.APPROVE);
        decide(second, data.provinceReviewer, Decision.APPROVE);
        management.executeJob(management.createJobQuery()
                .processInstanceId(verifications.require(second.getId()).processInstanceId()).singleResult().getId());
        assertThat(VerificationStanding.of(verifications, second.getId())).isEqualTo("CERTIFIED");
        assertThat(certificates.ofVerification(second.getId())).isPresent();
        assertThat(verifications.history(second.getId())).extracting(CaseEvent::step)
                .containsExactly("学校申报", "县级复查", "市级确认", "市级复核", "省级备案", "发放登记证书");
    }

    /** The reviewer decides the verification's open task, as the workbench does. */
    private void decide(CycleVerification verification, CurrentAccount reviewer, Decision decision) {
        tasks.decide(verifications.openTask(verification.getId()).orElseThrow().id(), reviewer, decision, null);
    }

    private ResultActions api(String path) throws Exception {
        return mvc.perform(get(path).with(as(data.schoolAdmin)).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(CurrentAccount account) {
        return user(account.username()).roles(account.role().name());
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file));
    }
}
