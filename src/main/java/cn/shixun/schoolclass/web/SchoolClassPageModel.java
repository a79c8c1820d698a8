package cn.shixun.schoolclass.web;

import static cn.shixun.shared.web.PageDates.DAY_TIME;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.ledger.Ledger;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.schoolclass.ClassLearner;
import cn.shixun.schoolclass.CourseType;
import cn.shixun.schoolclass.Grade;
import cn.shixun.schoolclass.SchoolClass;
import cn.shixun.schoolclass.SchoolClasses;
import cn.shixun.schoolclass.process.SchoolClassProcess;
import cn.shixun.security.CurrentAccount;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.CaseOutcome;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.web.CaseHistoryLines;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Puts one school-based class into the page model: the case as stored, and the form of the step the account may work. */
@Component
class SchoolClassPageModel {

    /** The name prefix of a learner's grade select: {@code grade-<teacherId>}. */
    static final String GRADE_PREFIX = "grade-";

    /** The submission steps the school fills in on the case page, by BPMN task. */
    private static final Map<String, String> FORMS = Map.of(SchoolClassProcess.AMEND_COURSE, "course",
            SchoolClassProcess.PLAN_CLASS, "plan", SchoolClassProcess.ENROL, "enrol", SchoolClassProcess.GRADE, "grade");

    /** One line of the list of classes. */
    record ListRow(SchoolClass schoolClass, String schoolName, String statusLabel, String updated) {
    }

    /** An enrolled learner: grade, and after crediting the hours the ledger gave or why it refused. */
    record LearnerRow(Long teacherId, String staffNumber, String name, String subject, Grade grade, String hours,
                      String refusal) {
    }

    /** One of the school's teachers in the enrolment table; {@code reason} says why they cannot be chosen. */
    record Candidate(Long teacherId, String staffNumber, String name, String subject, String reason, boolean checked) {
    }

    private final SchoolClasses classes;
    private final CaseTasks tasks;
    private final Teachers teachers;
    private final Organisations organisations;
    private final Ledger ledger;
    private final MessageSource messages;
    private final EvidenceFiles evidence;

    SchoolClassPageModel(SchoolClasses classes, CaseTasks tasks, Teachers teachers, Organisations organisations,
                         Ledger ledger, MessageSource messages, EvidenceFiles evidence) {
        this.classes = classes;
        this.tasks = tasks;
        this.teachers = teachers;
        this.organisations = organisations;
        this.ledger = ledger;
        this.messages = messages;
        this.evidence = evidence;
    }

    /** The rows of a list page, with where each class stands read in one go. */
    List<ListRow> listRows(List<SchoolClass> found) {
        Map<Long, CaseProgress> steps = tasks.progressOf(SchoolClassProcess.PROCESS_ID,
                found.stream().map(SchoolClass::getId).toList());
        return found.stream().map(schoolClass -> new ListRow(schoolClass, schoolName(schoolClass.schoolId()),
                steps.get(schoolClass.getId()).statusLabel(schoolClass.status()),
                DAY_TIME.format(schoolClass.updatedAt()))).toList();
    }

    void fill(Model model, SchoolClass schoolClass, CurrentAccount account, SchoolClassPages.Typed typed) {
        Long id = schoolClass.getId();
        List<ClassLearner> learners = classes.learnersOf(id);
        List<CaseEvent> events = classes.history(id);
        List<CaseTask> openTasks = classes.openTasks(id);
        CaseTask open = openTasks.stream().findFirst().orElse(null);
        boolean mine = open != null && tasks.mayWorkOn(open, account);
        String form = mine ? FORMS.get(open.taskKey()) : null;

        model.addAttribute("schoolClass", schoolClass);
        model.addAttribute("statusLabel", CaseProgress.of(openTasks).statusLabel(schoolClass.status()));
        model.addAttribute("course", schoolClass.course());
        model.addAttribute("designFile", evidence.describe(schoolClass.course().designFile()).orElse(null));
        model.addAttribute("plan", schoolClass.plan());
        model.addAttribute("schoolName", schoolName(schoolClass.schoolId()));
        model.addAttribute("created", DAY_TIME.format(schoolClass.createdAt()));
        model.addAttribute("openTask", open);
        model.addAttribute("form", form);
        model.addAttribute("reviewTaskId", mine && open.kind() == CaseTask.Kind.REVIEW ? open.id() : null);
        model.addAttribute("returned", form == null ? null : returned(events));
        model.addAttribute("history", CaseHistoryLines.from(events));
        model.addAttribute("learners", learners.stream().map(this::learnerRow).toList());
        model.addAttribute("credited", learners.stream()
                .anyMatch(learner -> learner.ledgerEntryId() != null || learner.creditRefusal() != null));
        model.addAttribute("errors", Map.of());
        model.addAttribute("formError", null);
        if (form == null) {
            return;
        }
        switch (form) {
            case "course" -> {
                model.addAttribute("courseForm", typed.course() != null ? typed.course()
                        : CourseForm.of(schoolClass.course()));
                model.addAttribute("courseTypes", CourseType.values());
                model.addAttribute("uploads", evidence.ofOrganisation(schoolClass.schoolId()));
            }
            case "plan" -> model.addAttribute("planForm", typed.plan() != null ? typed.plan()
                    : PlanForm.of(schoolClass.plan()));
            case "enrol" -> enrolment(model, schoolClass, learners, typed);
            default -> grading(model, learners, typed);
        }
    }

    private void enrolment(Model model, SchoolClass schoolClass, List<ClassLearner> learners,
                           SchoolClassPages.Typed typed) {
        Set<Long> checked = new HashSet<>(typed.learners() != null ? typed.learners()
                : learners.stream().map(ClassLearner::teacherId).toList());
        List<Candidate> candidates = teachers.atSchool(schoolClass.schoolId()).stream()
                .map(teacher -> new Candidate(teacher.getId(), teacher.staffNumber(), teacher.name(), teacher.subject(),
                        notRegistrable(teacher), checked.contains(teacher.getId()) && teacher.isRegistrable()))
                .toList();
        model.addAttribute("candidates", candidates);
        model.addAttribute("selectedCount", candidates.stream().filter(Candidate::checked).count());
        model.addAttribute("headcount", schoolClass.plan().headcount());
    }

    private void grading(Model model, List<ClassLearner> learners, SchoolClassPages.Typed typed) {
        Map<Long, Grade> grades = new HashMap<>();
        if (typed.grades() != null) {
            typed.grades().forEach((teacherId, grade) -> {
                if (grade != null) {
                    grades.put(teacherId, grade);
                }
            });
        } else {
            learners.stream().filter(learner -> learner.grade() != null)
                    .forEach(learner -> grades.put(learner.teacherId(), learner.grade()));
        }
        model.addAttribute("gradeRows", learners.stream().map(learner -> {
            Teacher teacher = teachers.require(learner.teacherId());
            return new LearnerRow(teacher.getId(), teacher.staffNumber(), teacher.name(), teacher.subject(),
                    grades.get(teacher.getId()), null, null);
        }).toList());
        model.addAttribute("grades", Grade.values());
        model.addAttribute("excellentCount", grades.values().stream().filter(grade -> grade == Grade.EXCELLENT).count());
        // at most 10% of the class, as SchoolClasses.grade counts it.
        model.addAttribute("excellentMax", learners.size() / 10);
    }

    private LearnerRow learnerRow(ClassLearner learner) {
        Teacher teacher = teachers.require(learner.teacherId());
        String hours = learner.ledgerEntryId() == null ? null
                : ledger.require(learner.ledgerEntryId()).hours().stripTrailingZeros().toPlainString();
        return new LearnerRow(teacher.getId(), teacher.staffNumber(), teacher.name(), teacher.subject(),
                learner.grade(), hours, learner.creditRefusal());
    }

    /** why a teacher cannot be enrolled, or null when they can. */
    private String notRegistrable(Teacher teacher) {
        if (teacher.isRegistrable()) {
            return null;
        }
        return text(teacher.inPost() ? "schoolclass.page.no-certificate" : "schoolclass.page.left-post");
    }

    /** The reviewer's return that reopened this step, if the last decision on the case was one. */
    private static CaseHistoryLines.Line returned(List<CaseEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            CaseEvent event = events.get(i);
            if (event.outcome() == CaseOutcome.RETURNED) {
                return CaseHistoryLines.Line.of(event);
            }
            if (event.outcome().isDecision()) {
                return null;
            }
        }
        return null;
    }


    private String schoolName(Long schoolId) {
        return organisations.find(schoolId).map(Organisation::name).orElse(String.valueOf(schoolId));
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
