package cn.shixun.annual.web;

import static cn.shixun.shared.web.ErrorPage.notFound;

import cn.shixun.annual.AnnualBatches;
import cn.shixun.annual.AnnualCalendar;
import cn.shixun.annual.AnnualRegistration;
import cn.shixun.annual.AnnualRegistrations;
import cn.shixun.annual.BatchItem;
import cn.shixun.annual.RegistrationProgress;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.RefusalStatus;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.web.BatchProgress;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The school's annual registration pages: a school administrator's view of this
 * year's registration — the deadlines of the school's profile with the days left, the teachers
 * with their cards, and the one-step declaration of the whole school — and the batch's progress
 * while its teachers are started (resumable). A card's own page is {@link AnnualCardPages}.
 * Everything goes through the same services as the JSON API.
 */
@Controller
class AnnualSchoolPages {

    private final AnnualRegistrations registrations;
    private final AnnualBatches batches;
    private final RegistrationProgress caseProgress;
    private final Teachers teachers;
    private final Organisations organisations;
    private final CurrentAccounts accounts;
    private final AnnualCalendar calendar;
    private final RefusalText refusals;

    AnnualSchoolPages(AnnualRegistrations registrations, AnnualBatches batches, RegistrationProgress caseProgress,
                      Teachers teachers, Organisations organisations, CurrentAccounts accounts, AnnualCalendar calendar,
                      RefusalText refusals) {
        this.registrations = registrations;
        this.batches = batches;
        this.caseProgress = caseProgress;
        this.teachers = teachers;
        this.organisations = organisations;
        this.accounts = accounts;
        this.calendar = calendar;
        this.refusals = refusals;
    }

    /** A deadline as the school page shows it: the day and how many days are left (negative: passed). */
    record Deadline(String key, LocalDate day, long daysLeft) {
    }

    /** Where a card stands as a list shows it: the status label (its open steps, or how it ended) and the badge. */
    record CardStatus(String label, String badge) {
        static CardStatus of(AnnualRegistration registration, Map<Long, CaseProgress> steps) {
            if (registration == null) {
                return null;
            }
            CaseProgress progress = steps.get(registration.getId());
            return new CardStatus(progress.statusLabel(registration.status()),
                    AnnualBadges.of(registration.status(), progress));
        }
    }

    /** One teacher of the school and their card of the year, if any. */
    record TeacherRow(Teacher teacher, AnnualRegistration registration, CardStatus status) {
    }

    /** One teacher of a batch with what the batch did for them and where their card stands. */
    record ItemRow(BatchItem item, Teacher teacher, AnnualRegistration registration, CardStatus status) {

        public String outcomeBadge() {
            return switch (item.outcome()) {
                case STARTED -> "badge badge-ok";
                case PENDING -> "badge badge-muted";
                case ALREADY_REGISTERED -> "badge badge-open";
                case NOT_REGISTRABLE, FAILED -> "badge badge-overdue";
            };
        }
    }

    // ---- the school's page -------------------------------------------------------------------

    @GetMapping("/annual-registrations")
    String school(Model model) {
        CurrentAccount account = accounts.require();
        if (account.isTeacher()) {
            return "redirect:/annual-registrations/mine";
        }
        requireSchoolAdmin(account);
        return schoolPage(account, model);
    }

    /** The declaration, in time or — after the submission date — late (补报) with the school's {@code lateReason}. */
    @PostMapping("/annual-registrations/batches")
    String declare(@RequestParam(required = false) String lateReason, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        CurrentAccount account = accounts.require();
        requireSchoolAdmin(account);
        try {
            Long batchId = batches.declareInBackground(account, account.organisationId(), calendar.today().getYear(),
                    lateReason);
            redirect.addFlashAttribute("done", "annual.page.declared");
            return "redirect:/annual-registrations/batches/" + batchId;
        } catch (BusinessRuleException refusal) {
            response.setStatus(RefusalStatus.of(refusal).value());
            model.addAttribute("error", refusals.forReader(refusal));
            model.addAttribute("errorField", refusal.field());
            model.addAttribute("lateReason", lateReason);
            return schoolPage(account, model);
        }
    }

    private String schoolPage(CurrentAccount account, Model model) {
        Organisation school = organisations.requireSchool(account.organisationId(), "schoolId");
        LocalDate today = calendar.today();
        int year = today.getYear();
        model.addAttribute("school", school);
        model.addAttribute("year", year);
        model.addAttribute("today", today);
        try {
            AnnualCalendar.Dates dates = registrations.datesOf(school.getId(), year, false);
            AnnualCalendar.Dates promotion = registrations.datesOf(school.getId(), year, true);
            List<Deadline> deadlines = new ArrayList<>(List.of(
                    new Deadline("annual.page.deadline.submission", dates.submission(), daysLeft(today, dates.submission())),
                    new Deadline("annual.page.deadline.school-review", dates.schoolReview(), daysLeft(today, dates.schoolReview())),
                    new Deadline("annual.page.deadline.registration", dates.registration(), daysLeft(today, dates.registration()))));
            if (promotion.promotion()) {
                deadlines.add(new Deadline("annual.page.deadline.promotion", promotion.submission(),
                        daysLeft(today, promotion.submission())));
            }
            model.addAttribute("deadlines", deadlines);
            model.addAttribute("submission", deadlines.get(0));
            model.addAttribute("dates", dates);
            model.addAttribute("lateOpen", dates.lateOpenOn(today));
        } catch (BusinessRuleException noDates) {
            model.addAttribute("datesError", refusals.forReader(noDates));
        }
        Map<Long, AnnualRegistration> latest = registrations.ofSchool(school.getId(), year).stream()
                .collect(Collectors.toMap(AnnualRegistration::teacherId, Function.identity(), (older, newer) -> newer));
        Map<Long, CaseProgress> steps = caseProgress.of(latest.values());
        List<TeacherRow> rows = teachers.atSchool(school.getId()).stream()
                .sorted(Comparator.comparing(Teacher::staffNumber))
                .map(teacher -> {
                    AnnualRegistration registration = latest.get(teacher.getId());
                    return new TeacherRow(teacher, registration, CardStatus.of(registration, steps));
                }).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("withCard", rows.stream().filter(row -> row.registration() != null).count());
        model.addAttribute("batch", batches.ofSchool(school.getId(), year).orElse(null));
        return "annual/school";
    }

    // ---- the batch page ----------------------------------------------------------------------

    @GetMapping("/annual-registrations/batches/{id}")
    String batch(@PathVariable Long id, Model model, HttpServletResponse response) {
        CurrentAccount account = accounts.require();
        requireNotTeacher(account);
        AnnualBatches.Progress progress;
        try {
            progress = batches.progressVisibleTo(id, account);
        } catch (BusinessRuleException notVisible) {
            return notFound(model, response);
        }
        Map<Long, AnnualRegistration> cards = registrations.ofBatch(id).stream()
                .collect(Collectors.toMap(AnnualRegistration::getId, Function.identity()));
        List<BatchItem> items = batches.items(id);
        // A teacher registered before the batch has their own card, not one of the batch's.
        items.stream().map(BatchItem::registrationId).filter(Objects::nonNull)
                .forEach(registrationId -> cards.computeIfAbsent(registrationId, registrations::require));
        Map<Long, CaseProgress> steps = caseProgress.of(cards.values());
        List<ItemRow> rows = items.stream().map(item -> {
            AnnualRegistration registration = item.registrationId() == null ? null : cards.get(item.registrationId());
            return new ItemRow(item, teachers.require(item.teacherId()), registration,
                    CardStatus.of(registration, steps));
        }).toList();
        long pending = progress.items().getOrDefault(BatchItem.Outcome.PENDING, 0L);
        boolean running = pending > 0; // from the same read as the counts, so "running" and "finished" agree
        model.addAttribute("progress", progress);
        model.addAttribute("school", organisations.find(progress.batch().schoolId()).orElse(null));
        model.addAttribute("rows", rows);
        // Only items that failed with a reason wait for the school: pending ones are any node's worker's.
        model.addAttribute("batchProgress", new BatchProgress("/annual-registrations/batches/" + id,
                progress.teachers() - pending, progress.teachers(), running,
                progress.items().getOrDefault(BatchItem.Outcome.FAILED, 0L) > 0,
                outcomesInOrder(progress), account.is(Role.SCHOOL_ADMIN)));
        return "annual/batch";
    }

    @PostMapping("/annual-registrations/batches/{id}/resume")
    String resume(@PathVariable Long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CurrentAccount account = accounts.require();
        requireSchoolAdmin(account);
        try {
            batches.resumeInBackground(id, account);
            redirect.addFlashAttribute("done", "annual.page.resumed");
        } catch (BusinessRuleException refusal) {
            if (refusal.kind() == BusinessRuleException.Kind.NOT_FOUND) {
                return notFound(model, response);
            }
            redirect.addFlashAttribute("error", refusals.forReader(refusal));
        }
        return "redirect:/annual-registrations/batches/" + id;
    }

    private static List<BatchProgress.Count> outcomesInOrder(AnnualBatches.Progress progress) {
        return Arrays.stream(BatchItem.Outcome.values()).filter(outcome -> progress.items().containsKey(outcome))
                .map(outcome -> new BatchProgress.Count(outcome.label(), progress.items().get(outcome))).toList();
    }

    private static long daysLeft(LocalDate today, LocalDate day) {
        return ChronoUnit.DAYS.between(today, day);
    }

    private static void requireSchoolAdmin(CurrentAccount account) {
        if (!account.is(Role.SCHOOL_ADMIN) || account.organisationId() == null) {
            throw new AccessDeniedException(account.username() + " is not a school administrator");
        }
    }

    private static void requireNotTeacher(CurrentAccount account) {
        if (account.isTeacher()) {
            throw new AccessDeniedException(account.username() + " may not see a school's batch");
        }
    }
}
