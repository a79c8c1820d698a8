package cn.shixun.schoolclass.web;

import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.schoolclass.CourseType;
import cn.shixun.schoolclass.Grade;
import cn.shixun.schoolclass.SchoolClass;
import cn.shixun.schoolclass.SchoolClassUploads;
import cn.shixun.schoolclass.SchoolClasses;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.ErrorPage;
import cn.shixun.shared.web.RefusalStatus;
import cn.shixun.tasks.CaseTask;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The school-based class pages: the classes of the account's scope, a new course, and one
 * class's case page with the form of its open submission step (amend the course, plan the class,
 * enrol learners, grade them). Every form calls the same {@link SchoolClasses} methods as the JSON
 * API; a refusal comes back next to its field with the values typed, and nothing is written.
 * Teachers get 403; a class outside the scope is answered like one that does not exist (404).
 * The course's design document is uploaded with the course form ({@code design}) and stored as the
 * school's evidence file in the same transaction as the course ({@link SchoolClassUploads}), so a
 * refused form stores nothing.
 *
 * <p>Just over 300 lines: the list, the new course and one handler per form of the class's four
 * submission steps, each a few lines around its {@link SchoolClasses} call; what the pages show
 * is {@link SchoolClassPageModel}.
 */
@Controller
@RequestMapping("/school-classes")
class SchoolClassPages {

    static final int PAGE_SIZE = 20;
    private static final String CASE_VIEW = "schoolclass/case";

    private final SchoolClasses classes;
    private final CurrentAccounts accounts;
    private final SchoolClassPageModel pageModel;
    private final RefusalText refusals;
    private final MessageSource messages;
    private final SchoolClassUploads uploads;
    private final EvidenceFiles evidence;
    private final Clock clock;

    SchoolClassPages(SchoolClasses classes, CurrentAccounts accounts, SchoolClassPageModel pageModel,
                     RefusalText refusals, MessageSource messages, SchoolClassUploads uploads, EvidenceFiles evidence,
                     Clock clock) {
        this.clock = clock;
        this.classes = classes;
        this.accounts = accounts;
        this.pageModel = pageModel;
        this.refusals = refusals;
        this.messages = messages;
        this.uploads = uploads;
        this.evidence = evidence;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        CurrentAccount account = notATeacher();
        Page<SchoolClass> found = classes.visibleTo(account, page, PAGE_SIZE);
        model.addAttribute("page", found);
        model.addAttribute("rows", pageModel.listRows(found.getContent()));
        model.addAttribute("mayPropose", account.is(Role.SCHOOL_ADMIN));
        return "schoolclass/list";
    }

    @GetMapping("/new")
    String newCourse(Model model) {
        CurrentAccount account = schoolAdmin();
        model.addAttribute("course", CourseForm.empty());
        return newPage(model, account, Map.of(), null);
    }

    @PostMapping
    String propose(@ModelAttribute("course") CourseForm form, BindingResult binding,
                   @RequestParam(name = "design", required = false) MultipartFile design, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        CurrentAccount account = schoolAdmin();
        CourseForm typed = form == null ? CourseForm.empty() : form;
        model.addAttribute("course", typed);
        Map<String, String> errors = bindingErrors(binding);
        if (errors.isEmpty()) {
            try {
                SchoolClass proposed = uploads.propose(account, account.organisationId(),
                        typed.toDesign(typed.designFile()), design);
                redirect.addFlashAttribute("done", text("schoolclass.page.proposed", proposed.course().courseName()));
                return "redirect:/school-classes/" + proposed.getId();
            } catch (BusinessRuleException refusal) {
                rethrowUnlessFormError(refusal);
                return newPage(model, account, fieldErrors(refusal, CourseForm.FIELDS),
                        formError(refusal, CourseForm.FIELDS), response);
            }
        }
        return newPage(model, account, errors, null, response);
    }

    @GetMapping("/{id}")
    String show(@PathVariable Long id, Model model) {
        CurrentAccount account = notATeacher();
        pageModel.fill(model, classes.requireVisibleTo(id, account), account, Typed.NONE);
        return CASE_VIEW;
    }

    @PostMapping("/{id}/course")
    String amendCourse(@PathVariable Long id, @ModelAttribute("typedCourse") CourseForm form, BindingResult binding,
                       @RequestParam(name = "design", required = false) MultipartFile design,
                       Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CourseForm typed = form == null ? CourseForm.empty() : form;
        return submit(id, binding, CourseForm.FIELDS, Typed.course(typed), model, response, redirect,
                account -> uploads.amendCourse(id, account, typed.toDesign(typed.designFile()), design));
    }

    @PostMapping("/{id}/class-plan")
    String planClass(@PathVariable Long id, @ModelAttribute("typedPlan") PlanForm form, BindingResult binding,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        PlanForm typed = form == null ? PlanForm.of(null) : form;
        return submit(id, binding, PlanForm.FIELDS, Typed.plan(typed), model, response, redirect,
                account -> classes.planClass(id, account, typed.toPlan()));
    }

    @PostMapping("/{id}/learners")
    String enrol(@PathVariable Long id, @RequestParam(name = "teacherIds", required = false) List<Long> teacherIds,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<Long> typed = teacherIds == null ? List.of() : teacherIds;
        return submit(id, null, List.of("teacherIds"), Typed.learners(typed), model, response, redirect,
                account -> classes.enrol(id, account, typed));
    }

    /**
     * One select per learner, named {@code grade-<teacherId>}; an unknown value counts as no grade,
     * which the service refuses by name.
     */
    @PostMapping("/{id}/grades")
    String grade(@PathVariable Long id, @RequestParam Map<String, String> parameters, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        Map<Long, Grade> grades = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith(SchoolClassPageModel.GRADE_PREFIX)) {
                try {
                    grades.put(Long.valueOf(name.substring(SchoolClassPageModel.GRADE_PREFIX.length())),
                            value == null || value.isBlank() ? null : Grade.valueOf(value));
                } catch (IllegalArgumentException unreadable) {
                    // Not one of ours (a hand-made request): left out, so the learner counts as not graded.
                }
            }
        });
        return submit(id, null, List.of("grades"), Typed.grades(grades), model, response, redirect,
                account -> classes.grade(id, account, grades));
    }

    /** A class out of scope or unknown is the 404 page; an act that is not the account's is the 403 page. */
    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView refusedPage(BusinessRuleException refusal) {
        return ErrorPage.of(RefusalStatus.of(refusal));
    }

    /** What a submission step does once the form has been read: call the domain service as {@code account}. */
    private interface Step {
        SchoolClass run(CurrentAccount account);
    }

    private String submit(Long id, BindingResult binding, List<String> fields, Typed typed, Model model,
                          HttpServletResponse response, RedirectAttributes redirect, Step step) {
        CurrentAccount account = notATeacher();
        Map<String, String> errors = binding == null ? Map.of() : bindingErrors(binding);
        String formError = null;
        if (errors.isEmpty()) {
            try {
                String stepName = classes.openTask(id).map(CaseTask::name).orElse("");
                SchoolClass done = step.run(account);
                redirect.addFlashAttribute("done", text("schoolclass.page.submitted", stepName,
                        classes.progress(done.getId()).statusLabel(done.status())));
                return "redirect:/school-classes/" + id;
            } catch (BusinessRuleException refusal) {
                if (refusal.kind() == BusinessRuleException.Kind.CONFLICT) {
                    // The step closed meanwhile (someone else sent it, or a reviewer acted): show the case as it is now.
                    redirect.addFlashAttribute("error", refusals.forReader(refusal));
                    return "redirect:/school-classes/" + id;
                }
                rethrowUnlessFormError(refusal);
                errors = fieldErrors(refusal, fields);
                formError = formError(refusal, fields);
            }
        }
        // Nothing was written: the page shows the case as stored, the form with what was typed.
        pageModel.fill(model, classes.requireVisibleTo(id, account), account, typed);
        model.addAttribute("errors", errors);
        model.addAttribute("formError", formError);
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return CASE_VIEW;
    }

    private String newPage(Model model, CurrentAccount account, Map<String, String> errors, String formError,
                           HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return newPage(model, account, errors, formError);
    }

    private String newPage(Model model, CurrentAccount account, Map<String, String> errors, String formError) {
        model.addAttribute("courseTypes", CourseType.values());
        model.addAttribute("uploads", evidence.ofOrganisation(account.organisationId()));
        model.addAttribute("errors", errors);
        model.addAttribute("formError", formError);
        return "schoolclass/new";
    }

    /** A refusal about the class itself (unknown, out of scope) or about who acts is a page of its own. */
    private static void rethrowUnlessFormError(BusinessRuleException refusal) {
        boolean aboutTheClass = refusal.kind() == BusinessRuleException.Kind.NOT_FOUND && "id".equals(refusal.field());
        if (aboutTheClass || refusal.kind() == BusinessRuleException.Kind.FORBIDDEN) {
            throw refusal;
        }
    }

    private Map<String, String> fieldErrors(BusinessRuleException refusal, List<String> fields) {
        String field = "teacherId".equals(refusal.field()) ? "teacherIds" : refusal.field();
        return fields.contains(field) ? Map.of(field, refusals.forReader(refusal)) : Map.of();
    }

    private String formError(BusinessRuleException refusal, List<String> fields) {
        String field = "teacherId".equals(refusal.field()) ? "teacherIds" : refusal.field();
        return fields.contains(field) ? null : refusals.forReader(refusal);
    }

    private Map<String, String> bindingErrors(BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(),
                text("schoolclass.page.invalid-value")));
        return errors;
    }

    private CurrentAccount notATeacher() {
        CurrentAccount account = accounts.require();
        if (account.isTeacher()) {
            throw new AccessDeniedException(account.username() + " is a teacher; school-based classes are the school's");
        }
        return account;
    }

    private CurrentAccount schoolAdmin() {
        CurrentAccount account = notATeacher();
        if (!account.is(Role.SCHOOL_ADMIN)) {
            throw new AccessDeniedException(account.username() + " may not propose a school-based course");
        }
        return account;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** What the school typed into the form that was refused, to show it again; {@link #NONE} shows the record. */
    record Typed(CourseForm course, PlanForm plan, List<Long> learners, Map<Long, Grade> grades) {

        static final Typed NONE = new Typed(null, null, null, null);

        static Typed course(CourseForm course) {
            return new Typed(course, null, null, null);
        }

        static Typed plan(PlanForm plan) {
            return new Typed(null, plan, null, null);
        }

        static Typed learners(List<Long> learners) {
            return new Typed(null, null, new ArrayList<>(learners), null);
        }

        static Typed grades(Map<Long, Grade> grades) {
            return new Typed(null, null, null, grades);
        }
    }

    /** Today's date for the {@code min} of the plan's date fields. */
    @ModelAttribute("today")
    java.time.LocalDate today() {
        return LocalDate.now(clock);
    }
}
