package cn.shixun.training.web;

import static cn.shixun.shared.web.PageDates.DAY;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.ProviderKind;
import cn.shixun.organisation.TrainingProvider;
import cn.shixun.organisation.TrainingProviders;
import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.web.CaseHistoryLines;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import cn.shixun.training.CertificateKind;
import cn.shixun.training.ExternalTraining;
import cn.shixun.training.ExternalTrainings;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the training pages show of applications: a list's rows and the case page, with the
 * status as the process has it (docs/casework.md §3a) and, for the applicant, the form of the
 * open submission step — the plan before the school's consent, the completion after it.
 */
@Component
class TrainingPageModel {

    private final ExternalTrainings trainings;
    private final TrainingProviders providers;
    private final EvidenceFiles evidence;
    private final CaseTasks cases;
    private final Teachers teachers;
    private final Organisations organisations;
    private final TrainingForms forms;
    private final Clock clock;

    TrainingPageModel(ExternalTrainings trainings, TrainingProviders providers, EvidenceFiles evidence,
                      CaseTasks cases, Teachers teachers, Organisations organisations, TrainingForms forms,
                      Clock clock) {
        this.trainings = trainings;
        this.providers = providers;
        this.evidence = evidence;
        this.cases = cases;
        this.teachers = teachers;
        this.organisations = organisations;
        this.forms = forms;
        this.clock = clock;
    }

    /** One application in a list. */
    record Row(Long id, String teacher, String project, String provider, String dates, String status,
               String badge, String step, String applied) {
    }

    /** A provider as the select offers it: the name and its kind, which the page labels in the reader's language. */
    record ProviderOption(Long id, String name, ProviderKind kind) {
    }

    /** The list's rows, where each application stands read from one query of their open tasks. */
    List<Row> rows(List<ExternalTraining> found) {
        Map<Long, CaseProgress> steps = trainings.progressOf(found);
        return found.stream().map(training -> row(training, steps.get(training.getId()))).toList();
    }

    void fillCase(Model model, CurrentAccount account, ExternalTraining training, PlanForm planForm,
                  CompletionForm completionForm, Map<String, String> errors, String formError) {
        Long id = training.getId();
        List<CaseTask> open = trainings.openTasks(id);
        CaseProgress progress = CaseProgress.of(open);
        Optional<CaseTask> mine = open.stream().filter(task -> cases.mayWorkOn(task, account)).findFirst();
        Optional<CaseTask> submission = mine.filter(task -> task.kind() == CaseTask.Kind.SUBMISSION);
        List<CaseEvent> history = trainings.history(id);
        TrainingProvider provider = providers.find(training.plan().providerId()).orElse(null);
        model.addAttribute("training", training);
        model.addAttribute("plan", training.plan());
        model.addAttribute("certificate", training.evidence());
        model.addAttribute("provider", provider == null ? String.valueOf(training.plan().providerId())
                : provider.name() + "（" + provider.kind().label() + "）");
        model.addAttribute("statusLabel", training.statusLabel(progress));
        model.addAttribute("badge", badge(training, progress));
        model.addAttribute("awaitingEnd", training.awaitsTrainingEnd(progress));
        model.addAttribute("teacher", teachers.find(training.teacherId()).map(Teacher::name).orElse(""));
        model.addAttribute("school", organisations.find(training.schoolId()).map(Organisation::name).orElse(""));
        model.addAttribute("planFile", evidence.describe(training.plan().planFile()).orElse(null));
        model.addAttribute("certificateFile", training.evidence() == null ? null
                : evidence.describe(training.evidence().certificateFile()).orElse(null));
        model.addAttribute("step", open.stream().findFirst().map(CaseTask::name).orElse(null));
        model.addAttribute("applied", DAY.format(training.createdAt()));
        model.addAttribute("history", CaseHistoryLines.from(history));
        model.addAttribute("returned", training.returned(progress) ? CaseHistoryLines.lastReturned(history) : null);
        model.addAttribute("returnedPlan", training.consentedAt() == null);
        model.addAttribute("reviewTask", mine.filter(task -> task.kind() == CaseTask.Kind.REVIEW).orElse(null));
        model.addAttribute("own", account.isTeacher());
        // The applicant's one submission step takes the plan until the school consents, the completion after.
        String mode = submission.map(task -> training.consentedAt() == null ? "application" : "completion")
                .orElse(null);
        model.addAttribute("mode", mode);
        model.addAttribute("submissionTask", submission.orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("formError", formError);
        if ("application".equals(mode)) {
            model.addAttribute("planForm", planForm);
            putPlanChoices(model, training.teacherId());
        } else if ("completion".equals(mode)) {
            model.addAttribute("completionForm", completionForm);
            model.addAttribute("kinds", CertificateKind.values());
            model.addAttribute("uploads", evidence.ofTeacher(training.teacherId()));
            model.addAttribute("trainingDays", ChronoUnit.DAYS.between(training.plan().startDate(),
                    training.plan().endDate()) + 1);
        }
    }

    /** The providers qualified for the teacher, their files, and the earliest start. */
    void putPlanChoices(Model model, Long teacherId) {
        model.addAttribute("providers", trainings.providersFor(teacherId).stream()
                .map(p -> new ProviderOption(p.getId(), p.name(), p.kind())).toList());
        model.addAttribute("uploads", evidence.ofTeacher(teacherId));
        model.addAttribute("earliestStart", LocalDate.now(clock).plusDays(1));
    }

    /**
     * The application's open submission step if it is {@code account}'s and takes the completion
     * ({@code completion}, after the school's consent) or else the plan (before it), R-31.
     */
    Optional<CaseTask> workableSubmission(ExternalTraining training, CurrentAccount account, boolean completion) {
        if ((training.consentedAt() != null) != completion) {
            return Optional.empty();
        }
        return trainings.openTasks(training.getId()).stream()
                .filter(task -> task.kind() == CaseTask.Kind.SUBMISSION && cases.mayWorkOn(task, account)).findFirst();
    }

    /** What the status reads, for a message about the application. */
    String statusLabel(ExternalTraining training) {
        return training.statusLabel(trainings.progress(training.getId()));
    }

    private Row row(ExternalTraining training, CaseProgress progress) {
        return new Row(training.getId(), teachers.find(training.teacherId()).map(Teacher::name).orElse(""),
                training.plan().projectName(), providers.find(training.plan().providerId())
                .map(TrainingProvider::name).orElse(""),
                forms.text("training.page.date-range", training.plan().startDate(), training.plan().endDate()),
                training.statusLabel(progress), badge(training, progress),
                progress.openSteps().stream().findFirst().map(CaseProgress.OpenStep::name).orElse("—"),
                DAY.format(training.createdAt()));
    }

    private static String badge(ExternalTraining training, CaseProgress progress) {
        return switch (training.status()) {
            case REGISTERED -> "badge-ok";
            case REJECTED, LAPSED, PROVIDER_NOT_QUALIFIED, CREDIT_REFUSED -> "badge-overdue";
            case OPEN -> training.returned(progress) ? "badge-escalated" : "badge-open";
        };
    }
}
