package cn.shixun.cycleverification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.BrowserTestSupport;
import cn.shixun.cycleverification.process.CycleVerificationProcess;
import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.Accounts;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R-36 in the browser: a stranger, not signed in, types a certificate's number and check code
 * into the verification page and sees whose it is (name partly hidden), the school, the cycle,
 * the hours and the validity; a wrong check code shows nothing of the certificate; the school's
 * administrator opens the printable certificate.
 */
class CertificateVerificationBrowserIT extends BrowserTestSupport {

    @Autowired Clock clock;
    @Autowired CycleVerifications verifications;
    @Autowired VerificationBatches batches;
    @Autowired Certificates certificates;
    @Autowired CaseTasks tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;

    @Test
    void R36_aStrangerVerifiesACertificateWithoutSigningIn_andAWrongCheckCodeShowsNothing() {
        VerificationFixture data = new VerificationFixture(organisations, teachers, accounts, ledger, LocalDate.now(clock));
        Teacher teacher = data.completeTeacher();
        Certificate certificate = certify(data, teacher);

        open("/verify");
        assertThat(byTest("verify-heading").getText()).isEqualTo("继续教育登记证书查验");
        find(By.id("number")).sendKeys(certificate.number());
        find(By.id("check")).sendKeys(certificate.checkCode().toLowerCase());
        byTest("verify-submit").click();
        waitUntil(() -> !browser.findElements(By.cssSelector("[data-test='verify-result']")).isEmpty());

        assertThat(currentPath()).startsWith("/verify?number=");
        assertThat(byTest("verify-name").getText()).isEqualTo(Certificate.mask(teacher.name()))
                .isNotEqualTo(teacher.name());
        assertThat(byTest("verify-school").getText()).isEqualTo(data.schools.countySchool.name());
        assertThat(byTest("verify-cycle").getText()).isEqualTo(data.certifiedOn + " 至 " + data.certifiedOn.plusYears(5).minusDays(1));
        assertThat(byTest("verify-hours").getText()).contains("360", "校本研修 80");
        assertThat(byTest("verify-validity").getText()).isEqualTo("在有效期内");
        screenshot("verify-01-genuine");

        open("/verify?number=" + certificate.number() + "&check=WRONG234");
        assertThat(byTest("verify-not-found").getText()).contains("未找到");
        assertThat(browser.findElements(By.cssSelector("[data-test='verify-result']"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(data.schools.countySchool.name());
        screenshot("verify-02-wrong-check");

        signIn(data.schoolAdmin.username(), VerificationFixture.PASSWORD);
        open("/certificates/" + certificate.number());
        assertThat(byTest("certificate-text").getText()).contains(teacher.name(), "360", "省级备案");
        assertThat(byTest("certificate-check").getText()).isEqualTo(certificate.checkCode());
        screenshot("certificate-01-print");
    }

    private Certificate certify(VerificationFixture data, Teacher teacher) {
        CycleVerification declared = batches.declare(data.schoolAdmin, data.declare(teacher)).verifications().get(0);
        String caseId = String.valueOf(declared.getId());
        for (var reviewer : java.util.List.of(data.countyReviewer, data.cityReviewer, data.provinceReviewer)) {
            tasks.decide(tasks.openTask(CycleVerificationProcess.PROCESS_ID, caseId).orElseThrow().id(), reviewer,
                    Decision.APPROVE, null);
        }
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(CycleVerificationProcess.PROCESS_ID)
                .processInstanceBusinessKey(caseId).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
        return certificates.ofVerification(declared.getId()).orElseThrow();
    }
}
