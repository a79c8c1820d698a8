package cn.shixun.processowner.migration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.exemption.DegreeExemption;
import cn.shixun.exemption.DegreeExemptions;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teachers;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The migration's batch as the application runs it: with the job executor on (the tests' default
 * turns it off), nobody runs a job by hand — the executor runs the seed job, one job per case and the
 * monitor job, which ends the batch, and the progress page's source reports the end. On an engine of
 * its own, since its context is one of its own (ItContextConventionsTest).
 */
@SpringBootTest(properties = {"shixun.demo-data.enabled=true", "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.process-engine-name=caseMigrationJobs"})
class CaseMigrationJobExecutorIT {

    /** The batch monitor looks every 30 s (the engine's default) whether every job is done. */
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Autowired CaseMigrations migrations;
    @Autowired DegreeExemptions exemptions;
    @Autowired CaseTasks cases;
    @Autowired Accounts accounts;
    @Autowired Teachers teachers;
    @Autowired EvidenceFiles evidence;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theJobExecutorWorksTheMigrationBatchToItsEnd() throws InterruptedException {
        TwoExemptionVersions versions = new TwoExemptionVersions(exemptions, cases, accounts, teachers, evidence, repository,
                runtime, management, 0);
        ProcessDefinition source = versions.deploySource("degreeExemption job executor source");
        DegreeExemption atSchool = versions.apply();
        DegreeExemption atAuthority = versions.apply();
        versions.decide(atAuthority, "school.admin", Decision.APPROVE, null);
        ProcessDefinition target = versions.deployTarget("degreeExemption job executor target");

        UserDetails owner = users.loadUserByUsername("process.owner");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(owner, null, owner.getAuthorities()));
        long id = migrations.start(source.getId(), target.getId());

        Instant giveUp = Instant.now().plus(PATIENCE);
        while (migrations.progress(id).running() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
        }
        CaseMigrations.Progress progress = migrations.progress(id);
        assertThat(progress.running()).as("the batch ended within %s", PATIENCE).isFalse();
        assertThat(progress.endedAt()).isNotNull();
        assertThat(versions.definitionOf(atSchool)).isEqualTo(target.getId());
        assertThat(versions.definitionOf(atAuthority)).isEqualTo(target.getId());
        assertThat(management.createJobQuery().withException().list()).as("failed jobs").isEmpty();
    }
}
