package cn.shixun.training;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.SamplePdf;
import cn.shixun.organisation.TrainingProvider;
import cn.shixun.organisation.TrainingProviders;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.DemoDataOrder;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.training.process.ExternalTrainingProcess;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two external-training cases in flight for the demo accounts (idempotent: a case whose project
 * {@code teacher} has already applied for is not added again): one waiting for
 * {@code school.admin}'s prior consent, and one whose training is over, waiting for {@code county.reviewer} (金水区, R-04).
 * The second is replayed through the real steps: applied and consented 40 days ago (as of that
 * day), the training ended, the teacher submitted the certificate, the school approved it. The
 * notices and the certificate scan are small generated PDFs stored as the teacher's evidence files,
 * so that the case page's links open them.
 *
 * <p>Nine collaborators: the script plays a teacher's application and completion, a school's
 * consent and review and the timer that ends the training (the procedure, its records, the provider,
 * the accounts, the casework, the engine's jobs), stores the scans, pins the day it replays, and
 * runs each case in a transaction of its own.
 */
@Component
@Order(DemoDataOrder.PROCESSES)
@ConditionalOnExpression("${shixun.demo-data.enabled:false} and ${shixun.demo-data.cases-in-flight:true}")
class DemoExternalTrainings implements ApplicationRunner {

    static final String TEACHER = "teacher";
    static final String SCHOOL_ADMIN = "school.admin";
    private static final String PROVIDER = "郑州师范学院";
    static final String WAITING_FOR_CONSENT = "幼小衔接课程设计研修班";
    static final String WAITING_FOR_AUTHORITY = "中小学心理健康教育骨干教师研修班";
    private static final Logger log = LoggerFactory.getLogger(DemoExternalTrainings.class);

    private final ExternalTrainings trainings;
    private final ExternalTrainingRepository repository;
    private final TrainingProviders providers;
    private final Accounts accounts;
    private final CaseTasks caseTasks;
    private final ManagementService management;
    private final TransactionTemplate transaction;
    private final EvidenceFiles evidence;
    private final Clock clock;

    DemoExternalTrainings(ExternalTrainings trainings, ExternalTrainingRepository repository,
                          TrainingProviders providers, Accounts accounts, CaseTasks caseTasks,
                          ManagementService management, PlatformTransactionManager transactionManager,
                          EvidenceFiles evidence, Clock clock) {
        this.clock = clock;
        this.evidence = evidence;
        this.trainings = trainings;
        this.repository = repository;
        this.providers = providers;
        this.accounts = accounts;
        this.caseTasks = caseTasks;
        this.management = management;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<CurrentAccount> teacher = accounts.find(TEACHER);
        Optional<CurrentAccount> admin = accounts.find(SCHOOL_ADMIN);
        Optional<TrainingProvider> provider = providers.all().stream().filter(p -> p.name().equals(PROVIDER)).findFirst();
        if (teacher.isEmpty() || admin.isEmpty() || provider.isEmpty()) {
            log.warn("Demo external trainings skipped: account {} or {} or provider {} missing", TEACHER, SCHOOL_ADMIN,
                    PROVIDER);
            return;
        }
        List<String> applied = repository.findByTeacherId(teacher.get().teacherId()).stream()
                .map(training -> training.plan().projectName()).toList();
        LocalDate today = LocalDate.now(clock);
        int added = 0;
        if (!applied.contains(WAITING_FOR_CONSENT)) {
            trainings.apply(teacher.get(), null, plan(teacher.get(), provider.get(), WAITING_FOR_CONSENT,
                    today.plusDays(30)));
            added++;
        }
        if (!applied.contains(WAITING_FOR_AUTHORITY)) {
            replayedToAuthorityReview(teacher.get(), admin.get(), provider.get(), today);
            added++;
        }
        log.info("Demo external trainings: {} added", added);
    }

    private void replayedToAuthorityReview(CurrentAccount teacher, CurrentAccount admin,
                                                       TrainingProvider provider, LocalDate today) {
        LocalDate appliedOn = today.minusDays(40);
        TrainingPlan plan = plan(teacher, provider, WAITING_FOR_AUTHORITY, today.minusDays(30));
        // One transaction: the start-date timer of the consent must never see an unconsented application.
        ExternalTraining training = transaction.execute(status -> {
            ExternalTraining applied = trainings.applyOn(teacher.teacherId(), teacher.username(), plan, appliedOn);
            trainings.consentOn(applied.getId(), admin, "同意参训，结业后提交证书", appliedOn);
            return applied;
        });
        awaitCompletionTask(training);
        trainings.submitCompletion(training.getId(), teacher, new CompletionEvidence("ZZSY-2026-PX-0417",
                CertificateKind.EDUCATION_DEPARTMENT_NOTICE, new BigDecimal("24"), null,
                scan(teacher, "结业证书-ZZSY-2026-PX-0417.pdf", "Certificate ZZSY-2026-PX-0417")));
        caseTasks.decide(open(training).id(), admin, Decision.APPROVE, "证书与事先同意的申请一致");
    }

    /** The training-ended timer is already due: run it here unless the job executor was quicker. */
    private void awaitCompletionTask(ExternalTraining training) {
        for (int attempt = 0; attempt < 60; attempt++) {
            // The consented application's next open step is the teacher's: the completion is due.
            if (trainings.progress(training.getId()).awaitsSubmission()) {
                return;
            }
            Job timer = management.createJobQuery().processInstanceId(training.processInstanceId())
                    .activityId("TimerEvent_TrainingEnded").singleResult();
            try {
                if (timer != null) {
                    management.executeJob(timer.getId());
                } else {
                    Thread.sleep(500);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for demo case " + training.getId());
            } catch (RuntimeException takenByTheJobExecutor) {
                log.debug("Demo case {}: timer taken by the job executor ({})", training.getId(),
                        takenByTheJobExecutor.getMessage());
            }
        }
        throw new IllegalStateException("demo case " + training.getId() + " never reached the completion task");
    }

    private CaseTask open(ExternalTraining training) {
        return caseTasks.openTask(ExternalTrainingProcess.PROCESS_ID, String.valueOf(training.getId())).orElseThrow();
    }

    private TrainingPlan plan(CurrentAccount teacher, TrainingProvider provider, String project, LocalDate start) {
        return new TrainingPlan(provider.getId(), project, start, start.plusDays(2), "郑州师范学院（郑州市金水区）",
                "专题讲座、案例研讨、心理辅导实务演练",
                scan(teacher, "培训通知-" + start + ".pdf", "Training notice, starting " + start));
    }

    /** A small generated PDF stored as the teacher's own upload; returns its evidence-file id. */
    private String scan(CurrentAccount teacher, String name, String text) {
        return evidence.store(teacher, teacher.teacherId(), name, SamplePdf.withText(text)).id();
    }
}
