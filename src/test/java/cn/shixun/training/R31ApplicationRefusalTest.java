package cn.shixun.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.ProviderKind;
import cn.shixun.organisation.Stage;
import cn.shixun.organisation.TrainingProvider;
import cn.shixun.organisation.TrainingProviders;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.BusinessRuleException.Kind;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import cn.shixun.training.process.ExternalTrainingProcess;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applying, amending and submitting evidence are refused with the field and the rule, and
 * write nothing: no row, no process, no history line, no changed evidence.
 */
@SpringBootTest
class R31ApplicationRefusalTest {

    private static final String AT_CONSENT = "OPEN@" + ExternalTrainingProcess.SCHOOL_CONSENT;
    private static final String AT_COMPLETION_REVIEW = "OPEN@" + ExternalTrainingProcess.SCHOOL_COMPLETION_REVIEW;

    @Autowired Clock clock;
    @Autowired ExternalTrainings trainings;
    @Autowired EvidenceFiles evidence;
    @Autowired CaseTasks tasks;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired Accounts accounts;
    @Autowired TrainingProviders providers;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;

    TrainingFixture data;
    CurrentAccount teacher;

    @BeforeEach
    void setUp() {
        data = new TrainingFixture(organisations, teachers, accounts, providers, jdbc, evidence, "henan-2016",
                LocalDate.now(clock));
        teacher = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
    }

    @Test
    void R06_anUnknownProviderIsNotFound_anUnqualifiedOneIsRefusedWithTheReason() {
        TrainingPlan plan = data.plan();
        refused(() -> trainings.apply(teacher, null, with(plan, p -> new TrainingPlan(-1L, p.projectName(),
                p.startDate(), p.endDate(), p.place(), p.plannedContent(), p.planFile()))), null, "providerId",
                Kind.NOT_FOUND);
        refused(() -> trainings.apply(teacher, null, with(plan, p -> new TrainingPlan(data.unqualified.getId(),
                p.projectName(), p.startDate(), p.endDate(), p.place(), p.plannedContent(), p.planFile()))), "R-06",
                "providerId", Kind.RULE_VIOLATION);
        refused(() -> trainings.apply(teacher, null, with(plan, p -> new TrainingPlan(null, p.projectName(),
                p.startDate(), p.endDate(), p.place(), p.plannedContent(), p.planFile()))), "R-06", "providerId",
                Kind.RULE_VIOLATION);
    }

    @Test
    void R06_aJuniorCollegeMayTrainKindergartenTeachersOnly() {
        TrainingProvider college = providers.register(data.schools.prefix + "幼儿师范高等专科学校",
                ProviderKind.NORMAL_JUNIOR_COLLEGE, true, null);
        CurrentAccount kindergarten = data.teacherAt(data.schools.cityKindergarten, Stage.KINDERGARTEN);
        TrainingPlan plan = with(data.planOf(kindergarten.teacherId()), p -> new TrainingPlan(college.getId(),
                p.projectName(), p.startDate(), p.endDate(), p.place(), p.plannedContent(), p.planFile()));
        refused(() -> trainings.apply(teacher, null, plan), "R-06", "providerId", Kind.RULE_VIOLATION);
        assertThat(standing(trainings.apply(kindergarten, null, plan))).isEqualTo(AT_CONSENT);
    }

    @Test
    void R31_consentMustBePrior_aTrainingStartingTodayOrEarlierIsRefused() {
        refused(() -> trainings.apply(teacher, null, data.planOf(teacher.teacherId(), 0)), "R-31", "startDate",
                Kind.RULE_VIOLATION);
        refused(() -> trainings.apply(teacher, null, data.planOf(teacher.teacherId(), -10)), "R-31", "startDate",
                Kind.RULE_VIOLATION);
        assertThat(standing(trainings.apply(teacher, null, data.planOf(teacher.teacherId(), 1))))
                .isEqualTo(AT_CONSENT);
    }

    @Test
    void R31_eachMissingPartOfThePlanIsNamed_andTheDatesMustBeInOrder() {
        TrainingPlan p = data.plan();
        missing(new TrainingPlan(p.providerId(), " ", p.startDate(), p.endDate(), p.place(), p.plannedContent(), p.planFile()), "projectName");
        missing(new TrainingPlan(p.providerId(), p.projectName(), null, p.endDate(), p.place(), p.plannedContent(), p.planFile()), "startDate");
        missing(new TrainingPlan(p.providerId(), p.projectName(), p.startDate(), null, p.place(), p.plannedContent(), p.planFile()), "endDate");
        missing(new TrainingPlan(p.providerId(), p.projectName(), p.startDate(), p.endDate(), null, p.plannedContent(), p.planFile()), "place");
        missing(new TrainingPlan(p.providerId(), p.projectName(), p.startDate(), p.endDate(), p.place(), "", p.planFile()), "plannedContent");
        missing(new TrainingPlan(p.providerId(), p.projectName(), p.startDate(), p.endDate(), p.place(), p.plannedContent(), null), "planFile");
        missing(new TrainingPlan(p.providerId(), p.projectName(), p.endDate(), p.startDate(), p.place(), p.plannedContent(), p.planFile()), "endDate");
        refused(() -> trainings.apply(teacher, null, null), "R-06", "providerId", Kind.RULE_VIOLATION);
    }

    @Test
    void R01_anUnregistrableTeacherIsRefused_anUnknownOneNotFound() {
        Teacher uncertified = data.uncertifiedTeacher();
        refused(() -> trainings.apply(uncertified.getId(), "u", data.plan()), "R-01", "teacherId", Kind.RULE_VIOLATION);
        refused(() -> trainings.apply(-1L, "nobody", data.plan()), null, "teacherId", Kind.NOT_FOUND);
    }

    @Test
    void R04_outsideScope_aTeacherForAnother_anAdminOfAnotherSchool_aReviewer_areRefused() {
        CurrentAccount colleague = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        refused(() -> trainings.apply(teacher, colleague.teacherId(), data.plan()), "R-31", "teacherId",
                Kind.FORBIDDEN);
        CurrentAccount otherAdmin = data.adminOf(data.schools.cityMiddleSchool);
        refused(() -> trainings.apply(otherAdmin, teacher.teacherId(), data.plan()), "R-04", "teacherId",
                Kind.FORBIDDEN);
        refused(() -> trainings.apply(data.countyReviewer, teacher.teacherId(), data.plan()), "R-31", "teacherId",
                Kind.FORBIDDEN);
        ExternalTraining forTeacher = trainings.apply(data.schoolAdmin, teacher.teacherId(),
                data.planOf(teacher.teacherId()));
        assertThat(forTeacher.applicant()).isEqualTo(data.schoolAdmin.username());
        assertThat(forTeacher.teacherId()).isEqualTo(teacher.teacherId());
    }

    @Test
    void R40_theSameApplicationTwiceIsRefused_unlessTheFirstWasRejected() {
        TrainingPlan plan = data.planOf(teacher.teacherId());
        ExternalTraining first = trainings.apply(teacher, null, plan);
        refused(() -> trainings.apply(teacher, null, plan), "R-40", "projectName", Kind.CONFLICT);
        tasks.decide(tasks.openTask(ExternalTrainingProcess.PROCESS_ID, String.valueOf(first.getId())).orElseThrow().id(),
                data.schoolAdmin, Decision.REJECT, "方案不完整");
        assertThat(standing(trainings.apply(teacher, null, plan))).isEqualTo(AT_CONSENT);
    }

    @Test
    void R31_R40_completionEvidenceIsRefusedBeforeAnythingChanges() {
        ExternalTraining applied = trainings.apply(teacher, null, data.planOf(teacher.teacherId()));
        tasks.decide(tasks.openTask(ExternalTrainingProcess.PROCESS_ID, String.valueOf(applied.getId())).orElseThrow()
                .id(), data.schoolAdmin, Decision.APPROVE, null);
        // Before the training is over there is nothing to submit.
        refusedEvidence(applied, TrainingFixture.certificate(), "R-31", "id", Kind.CONFLICT);

        data.trainingTookPlace(applied.getId(), 1);
        String instance = trainings.require(applied.getId()).processInstanceId();
        management.executeJob(management.createJobQuery().processInstanceId(instance)
                .activityId("TimerEvent_TrainingEnded").singleResult().getId());
        CompletionEvidence good = TrainingFixture.certificate();
        refusedEvidence(applied, new CompletionEvidence("", good.certificateKind(), good.statedHours(), null,
                good.certificateFile()), "R-31", "certificateNumber", Kind.RULE_VIOLATION);
        refusedEvidence(applied, new CompletionEvidence(good.certificateNumber(), null, good.statedHours(), null,
                good.certificateFile()), "R-21", "certificateKind", Kind.RULE_VIOLATION);
        refusedEvidence(applied, new CompletionEvidence(good.certificateNumber(), good.certificateKind(), null, null,
                good.certificateFile()), "R-31", "statedHours", Kind.RULE_VIOLATION);
        refusedEvidence(applied, new CompletionEvidence(good.certificateNumber(), good.certificateKind(), null, 4,
                good.certificateFile()), "R-31", "statedDays", Kind.RULE_VIOLATION);
        refusedEvidence(applied, new CompletionEvidence(good.certificateNumber(), good.certificateKind(),
                new BigDecimal("73"), null, good.certificateFile()), "R-31", "statedHours", Kind.RULE_VIOLATION);
        refusedEvidence(applied, new CompletionEvidence(good.certificateNumber(), good.certificateKind(),
                good.statedHours(), null, " "), "R-31", "certificateFile", Kind.RULE_VIOLATION);
        CurrentAccount colleague = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        assertThatThrownBy(() -> trainings.submitCompletion(applied.getId(), colleague, good))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.ruleId()).isEqualTo("R-04"));

        // A certificate already used by another open application (R-40).
        CurrentAccount other = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        ExternalTraining second = trainings.apply(other, null, data.planOf(other.teacherId()));
        tasks.decide(tasks.openTask(ExternalTrainingProcess.PROCESS_ID, String.valueOf(second.getId())).orElseThrow()
                .id(), data.schoolAdmin, Decision.APPROVE, null);
        data.trainingTookPlace(second.getId(), 1);
        management.executeJob(management.createJobQuery().processInstanceId(second.processInstanceId())
                .activityId("TimerEvent_TrainingEnded").singleResult().getId());
        trainings.submitCompletion(second.getId(), other, new CompletionEvidence(good.certificateNumber(),
                good.certificateKind(), good.statedHours(), null, StoredEvidence.of(evidence, other.teacherId())));
        refusedEvidence(applied, good, "R-40", "certificateNumber", Kind.CONFLICT);

        assertThat(standing(trainings.submitCompletion(applied.getId(), teacher,
                data.certificateOf(teacher.teacherId())))).isEqualTo(AT_COMPLETION_REVIEW);
    }

    @Test
    void R40_aMadeUpFileOrAnotherTeachersIsRefusedOnApplyAmendAndCompletion_andNothingIsWritten() {
        CurrentAccount colleague = data.teacherAt(data.schools.countySchool, Stage.PRIMARY);
        List<String> notTheirs = List.of("files/notice.pdf", "00000000-0000-4000-8000-000000000000",
                StoredEvidence.of(evidence, colleague.teacherId()));
        TrainingPlan good = data.planOf(teacher.teacherId());
        for (String file : notTheirs) {
            refused(() -> trainings.apply(teacher, null, withPlanFile(good, file)), "R-40", "planFile",
                    Kind.RULE_VIOLATION);
            refused(() -> trainings.apply(data.schoolAdmin, teacher.teacherId(), withPlanFile(good, file)), "R-40",
                    "planFile", Kind.RULE_VIOLATION);
        }
        assertThat(trainings.ofTeacher(teacher.teacherId())).isEmpty();

        ExternalTraining applied = trainings.apply(teacher, null, good);
        tasks.decide(tasks.openTask(ExternalTrainingProcess.PROCESS_ID, String.valueOf(applied.getId())).orElseThrow()
                .id(), data.schoolAdmin, Decision.RETURN, "请附培训通知原件");
        for (String file : notTheirs) {
            long rows = rows();
            assertRefusal(() -> trainings.amendApplication(applied.getId(), teacher, withPlanFile(good, file)),
                    "R-40", "planFile", Kind.RULE_VIOLATION);
            assertThat(rows()).isEqualTo(rows);
        }
        assertThat(trainings.require(applied.getId()).plan()).isEqualTo(good);
        assertThat(standing(applied)).isEqualTo("OPEN@" + ExternalTrainingProcess.AMEND_APPLICATION);

        trainings.amendApplication(applied.getId(), teacher, good);
        tasks.decide(tasks.openTask(ExternalTrainingProcess.PROCESS_ID, String.valueOf(applied.getId())).orElseThrow()
                .id(), data.schoolAdmin, Decision.APPROVE, null);
        data.trainingTookPlace(applied.getId(), 1);
        management.executeJob(management.createJobQuery().processInstanceId(applied.processInstanceId())
                .activityId("TimerEvent_TrainingEnded").singleResult().getId());
        CompletionEvidence certificate = data.certificateOf(teacher.teacherId());
        for (String file : notTheirs) {
            refusedEvidence(applied, new CompletionEvidence(certificate.certificateNumber(),
                    certificate.certificateKind(), certificate.statedHours(), null, file), "R-40", "certificateFile",
                    Kind.RULE_VIOLATION);
        }
        assertThat(standing(trainings.submitCompletion(applied.getId(), teacher, certificate)))
                .isEqualTo(AT_COMPLETION_REVIEW);
    }

    private static TrainingPlan withPlanFile(TrainingPlan p, String file) {
        return new TrainingPlan(p.providerId(), p.projectName(), p.startDate(), p.endDate(), p.place(),
                p.plannedContent(), file);
    }

    private void missing(TrainingPlan plan, String field) {
        refused(() -> trainings.apply(teacher, null, plan), "R-31", field, Kind.RULE_VIOLATION);
    }

    private static TrainingPlan with(TrainingPlan plan, UnaryOperator<TrainingPlan> change) {
        return change.apply(plan);
    }

    private void refused(ThrowingCallable apply, String ruleId, String field, Kind kind) {
        long rows = rows();
        long instances = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ExternalTrainingProcess.PROCESS_ID).count();
        assertRefusal(apply, ruleId, field, kind);
        assertThat(rows()).as("no application row, no history line").isEqualTo(rows);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ExternalTrainingProcess.PROCESS_ID)
                .count()).as("no process started").isEqualTo(instances);
    }

    private void refusedEvidence(ExternalTraining training, CompletionEvidence evidence, String ruleId, String field,
                                 Kind kind) {
        long rows = rows();
        CompletionEvidence before = trainings.require(training.getId()).evidence();
        String standing = standing(training);
        assertRefusal(() -> trainings.submitCompletion(training.getId(), teacher, evidence), ruleId, field, kind);
        assertThat(rows()).isEqualTo(rows);
        assertThat(trainings.require(training.getId()).evidence()).isEqualTo(before);
        assertThat(standing(training)).isEqualTo(standing);
    }

    private static void assertRefusal(ThrowingCallable call, String ruleId, String field, Kind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            if (ruleId != null) {
                assertThat(e.ruleId()).isEqualTo(ruleId);
            }
            assertThat(e.field()).isEqualTo(field);
        });
    }

    private String standing(ExternalTraining training) {
        return TrainingStanding.of(trainings, training.getId());
    }

    private long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM external_training", Long.class)
                + jdbc.queryForObject("SELECT COUNT(*) FROM case_event", Long.class);
    }
}
