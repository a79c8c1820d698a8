package cn.shixun.annual.web;

import static cn.shixun.shared.web.ErrorPage.notFound;

import cn.shixun.annual.AnnualBatches;
import cn.shixun.annual.AnnualCalendar;
import cn.shixun.annual.AnnualRegistration;
import cn.shixun.annual.AnnualRegistrations.Attachment;
import cn.shixun.annual.AnnualRegistrations;
import cn.shixun.annual.BatchItem;
import cn.shixun.annual.CardItem;
import cn.shixun.annual.RegistrationStatus;
import cn.shixun.annual.process.AnnualRegistrationProcess;
import cn.shixun.evidence.EvidenceFile;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.EvidenceUploads;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.policy.Requirement;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.RefusalStatus;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseHistory;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.web.BatchProgress;
import cn.shixun.tasks.web.CaseHistoryLines;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The annual registration's pages: a school administrator's view of this
 * year's registration — the deadlines of the school's profile with the days left, the teachers
 * with their cards, and the one-step declaration of the whole school — the batch's progress while
 * its teachers are started (resumable), and a card's case page where a returned card is amended
 * by whoever {@code UserTask_AmendCard} belongs to (the teacher for their own card, the school for
 * a card it declared). Everything goes through the same services as the JSON API. An amendment's
 * scans are uploaded with the form, one or more per line, and stored as the teacher's evidence
 * files in the amendment's transaction (a refused amendment keeps none).
 */
@Controller
class AnnualPages {

    /** A line's new scans: file inputs named {@code files-<ledgerEntryId>}. */
    static final String FILES_PREFIX = "files-";
    /** A line's scans attached before and kept: checkboxes named {@code keep-<ledgerEntryId>}, the file id as value. */
    static final String KEEP_PREFIX = "keep-";
    /** Marks the typed values of a posted form (an empty map: the card as stored, every attached scan kept). */
    private static final String POSTED = "posted";

    private final AnnualRegistrations registrations;
    private final AnnualBatches batches;
    private final CaseTasks tasks;
    private final CaseHistory history;
    private final Teachers teachers;
    private final Organisations organisations;
    private final CurrentAccounts accounts;
    private final AnnualCalendar calendar;
    private final RefusalText refusals;
    private final EvidenceFiles evidence;
    private final EvidenceUploads uploads;
    private final TransactionTemplate transaction;

    AnnualPages(AnnualRegistrations registrations, AnnualBatches batches, CaseTasks tasks, CaseHistory history,
                Teachers teachers, Organisations organisations, CurrentAccounts accounts, AnnualCalendar calendar,
                RefusalText refusals, EvidenceFiles evidence, EvidenceUploads uploads,
                PlatformTransactionManager transactionManager) {
        this.registrations = registrations;
        this.batches = batches;
        this.tasks = tasks;
        this.history = history;
        this.teachers = teachers;
        this.organisations = organisations;
        this.accounts = accounts;
        this.calendar = calendar;
        this.refusals = refusals;
        this.evidence = evidence;
        this.uploads = uploads;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** A deadline as the school page shows it: the day and how many days are left (negative: passed). */
    record Deadline(String key, LocalDate day, long daysLeft) {
    }

    /** One teacher of the school and their card of the year, if any. */
    record TeacherRow(Teacher teacher, AnnualRegistration registration) {
        public String badge() {
            return registration == null ? null : badgeOf(registration.status());
        }
    }

    /** One teacher of a batch with what the batch did for them and where their card stands. */
    record ItemRow(BatchItem item, Teacher teacher, AnnualRegistration registration) {
        public String badge() {
            return registration == null ? null : badgeOf(registration.status());
        }

        public String outcomeBadge() {
            return switch (item.outcome()) {
                case STARTED -> "badge badge-ok";
                case PENDING -> "badge badge-muted";
                case ALREADY_REGISTERED -> "badge badge-open";
                case NOT_REGISTRABLE, FAILED -> "badge badge-overdue";
            };
        }
    }

    /** A requirement of the year: live from the ledger while in review, as registered afterwards. */
    record RequirementRow(String label, String ruleId, BigDecimal required, BigDecimal credited, BigDecimal missing,
                          boolean met) {
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

    @PostMapping("/annual-registrations/batches")
    String declare(Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CurrentAccount account = accounts.require();
        requireSchoolAdmin(account);
        try {
            Long batchId = batches.declareInBackground(account, account.organisationId(), calendar.today().getYear());
            redirect.addFlashAttribute("done", "annual.page.declared");
            return "redirect:/annual-registrations/batches/" + batchId;
        } catch (BusinessRuleException refusal) {
            response.setStatus(RefusalStatus.of(refusal).value());
            model.addAttribute("error", refusals.forReader(refusal));
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
        } catch (BusinessRuleException noDates) {
            model.addAttribute("datesError", refusals.forReader(noDates));
        }
        Map<Long, AnnualRegistration> latest = registrations.ofSchool(school.getId(), year).stream()
                .collect(Collectors.toMap(AnnualRegistration::teacherId, Function.identity(), (older, newer) -> newer));
        List<TeacherRow> rows = teachers.atSchool(school.getId()).stream()
                .sorted(Comparator.comparing(Teacher::staffNumber))
                .map(teacher -> new TeacherRow(teacher, latest.get(teacher.getId()))).toList();
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
        List<ItemRow> rows = batches.items(id).stream().map(item -> new ItemRow(item,
                teachers.require(item.teacherId()), item.registrationId() == null ? null
                : cards.computeIfAbsent(item.registrationId(), registrations::require))).toList();
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

    // ---- a card's case page ------------------------------------------------------------------

    @GetMapping("/annual-registrations/mine")
    String mine(Model model) {
        CurrentAccount account = accounts.require();
        if (!account.isTeacher() || account.teacherId() == null) {
            throw new AccessDeniedException(account.username() + " is not a teacher");
        }
        int year = calendar.today().getYear();
        List<AnnualRegistration> own = registrations.ofTeacher(account.teacherId());
        Optional<AnnualRegistration> current = own.stream().filter(r -> r.year() == year).findFirst()
                .or(() -> own.stream().findFirst());
        if (current.isPresent()) {
            return "redirect:/annual-registrations/" + current.get().getId();
        }
        model.addAttribute("year", year);
        return "annual/mine-empty";
    }

    @GetMapping("/annual-registrations/{id}")
    String card(@PathVariable Long id, Model model, HttpServletResponse response) {
        CurrentAccount account = accounts.require();
        Optional<AnnualRegistration> registration = visible(id, account);
        if (registration.isEmpty()) {
            return notFound(model, response);
        }
        return cardPage(registration.get(), account, model, Map.of());
    }

    @PostMapping("/annual-registrations/{id}/amendments")
    String amend(@PathVariable Long id, @RequestParam MultiValueMap<String, String> form,
                 @RequestParam MultiValueMap<String, MultipartFile> files, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        CurrentAccount account = accounts.require();
        Optional<AnnualRegistration> registration = visible(id, account);
        if (registration.isEmpty()) {
            return notFound(model, response);
        }
        Optional<CaseTask> amendTask = amendTask(registration.get());
        if (amendTask.isPresent() && !tasks.mayWorkOn(amendTask.get(), account)) {
            throw new AccessDeniedException(account.username() + " may not amend annual registration " + id);
        }
        // What the form kept of the card's scans (checked boxes), remembered to show them again after a refusal.
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put(POSTED, "");
        Map<Long, List<String>> kept = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            Long entryId = entryIdOf(name, KEEP_PREFIX);
            if (entryId != null && values != null) {
                values.stream().filter(StringUtils::hasText).forEach(file -> {
                    kept.computeIfAbsent(entryId, key -> new ArrayList<>()).add(file);
                    typed.put(KEEP_PREFIX + entryId + "-" + file, "");
                });
            }
        });
        Map<Long, List<MultipartFile>> added = new LinkedHashMap<>();
        files.forEach((name, parts) -> {
            Long entryId = entryIdOf(name, FILES_PREFIX);
            if (entryId != null && parts != null) {
                parts.stream().filter(EvidenceUploads::chosen)
                        .forEach(part -> added.computeIfAbsent(entryId, key -> new ArrayList<>()).add(part));
            }
        });
        List<Long> entryOrder = new ArrayList<>(kept.keySet());
        added.keySet().stream().filter(entry -> !kept.containsKey(entry)).forEach(entryOrder::add);
        Long teacherId = registration.get().teacherId();
        try {
            // The scans chosen in the form are stored with the amendment, in its transaction: a refusal keeps none.
            transaction.executeWithoutResult(status -> {
                List<Attachment> attachments = new ArrayList<>();
                for (Long entryId : entryOrder) {
                    List<String> ids = new ArrayList<>(kept.getOrDefault(entryId, List.of()));
                    for (MultipartFile part : added.getOrDefault(entryId, List.of())) {
                        ids.add(uploads.teacherFile(account, teacherId, part, null, FILES_PREFIX + entryId));
                    }
                    attachments.add(new Attachment(entryId, ids));
                }
                registrations.amend(id, account, attachments);
            });
            redirect.addFlashAttribute("done", "annual.page.amended");
            return "redirect:/annual-registrations/" + id;
        } catch (BusinessRuleException refusal) {
            response.setStatus(RefusalStatus.of(refusal).value());
            model.addAttribute("error", refusals.forReader(refusal));
            model.addAttribute("errorField", fieldOf(refusal.field(), entryOrder));
            return cardPage(registrations.require(id), account, model, typed);
        }
    }

    private String cardPage(AnnualRegistration registration, CurrentAccount account, Model model,
                            Map<String, String> typed) {
        String caseId = String.valueOf(registration.getId());
        Teacher teacher = teachers.require(registration.teacherId());
        List<CardItem> card = registrations.currentCard(registration);
        List<CaseEvent> events = history.of(AnnualRegistrations.PROCESS_KEY, caseId);
        Optional<CaseTask> amendTask = amendTask(registration);
        Optional<CaseTask> reviewTask = tasks.openTasks(AnnualRegistrations.PROCESS_KEY, caseId).stream()
                .filter(task -> task.kind() == CaseTask.Kind.REVIEW && tasks.mayWorkOn(task, account)).findFirst();
        model.addAttribute("registration", registration);
        model.addAttribute("teacher", teacher);
        model.addAttribute("school", organisations.find(registration.schoolId()).orElse(null));
        model.addAttribute("dates", registrations.datesOf(registration));
        model.addAttribute("card", card);
        model.addAttribute("files", card.stream()
                .flatMap(line -> Stream.concat(line.evidenceFiles().stream(), line.attachedFiles().stream()))
                .distinct().map(evidence::describe).flatMap(Optional::stream)
                .collect(Collectors.toMap(EvidenceFile::id, Function.identity())));
        model.addAttribute("cardComplete", card.stream().allMatch(CardItem::evidenceComplete));
        model.addAttribute("openTasks", tasks.openTasks(AnnualRegistrations.PROCESS_KEY, caseId));
        model.addAttribute("history", CaseHistoryLines.from(events));
        model.addAttribute("returned", CaseHistoryLines.lastReturned(events));
        model.addAttribute("mayAmend", amendTask.filter(task -> tasks.mayWorkOn(task, account)).isPresent());
        model.addAttribute("reviewTask", reviewTask.orElse(null));
        model.addAttribute("statusBadge", badgeOf(registration.status()));
        model.addAttribute("typed", typed);
        yearOf(registration, model);
        return "annual/card";
    }

    private void yearOf(AnnualRegistration registration, Model model) {
        if (registration.resultMet() != null) {
            model.addAttribute("yearRegistered", true);
            model.addAttribute("yearTotal", registration.resultYearTotal());
            model.addAttribute("yearMet", registration.resultMet());
            model.addAttribute("yearAsOf", registration.resultAsOf());
            model.addAttribute("requirements", registrations.result(registration).stream()
                    .filter(line -> line.period() != Requirement.Period.CYCLE)
                    .map(line -> new RequirementRow(line.label(), line.ruleId(), line.required(), line.credited(),
                            line.missing(), line.met())).toList());
            return;
        }
        try {
            TeacherStatus status = registrations.yearStatus(registration);
            model.addAttribute("yearRegistered", false);
            model.addAttribute("yearTotal", status.yearTotal());
            model.addAttribute("yearMet", AnnualRegistrations.yearMet(status.requirements()));
            model.addAttribute("yearAsOf", status.date());
            model.addAttribute("requirements", status.requirements().stream()
                    .filter(line -> line.period() != Requirement.Period.CYCLE)
                    .map(line -> new RequirementRow(line.label(), line.ruleId(), line.required(), line.credited(),
                            line.missing(), line.met())).toList());
        } catch (BusinessRuleException noStatus) {
            model.addAttribute("yearError", refusals.forReader(noStatus));
        }
    }

    private Optional<AnnualRegistration> visible(Long id, CurrentAccount account) {
        try {
            return Optional.of(registrations.requireVisibleTo(id, account));
        } catch (BusinessRuleException notVisible) {
            return Optional.empty();
        }
    }

    private Optional<CaseTask> amendTask(AnnualRegistration registration) {
        return tasks.openTasks(AnnualRegistrations.PROCESS_KEY, String.valueOf(registration.getId())).stream()
                .filter(task -> AnnualRegistrationProcess.AMEND_CARD.equals(task.taskKey())).findFirst();
    }

    /** The form field a refusal names: {@code attachments[i].files} is the i-th line the form sent. */
    static String fieldOf(String field, List<Long> entryOrder) {
        if (field != null && field.startsWith("attachments[")) {
            int index = Integer.parseInt(field.substring("attachments[".length(), field.indexOf(']')));
            if (index < entryOrder.size()) {
                return FILES_PREFIX + entryOrder.get(index);
            }
        }
        return field;
    }

    /** The ledger entry a form field belongs to: {@code files-12} and {@code keep-12} are entry 12's. */
    private static Long entryIdOf(String name, String prefix) {
        if (!name.startsWith(prefix)) {
            return null;
        }
        try {
            return Long.valueOf(name.substring(prefix.length()));
        } catch (NumberFormatException notAnEntry) {
            return null;
        }
    }

    static String badgeOf(RegistrationStatus status) {
        return switch (status) {
            case PUBLISHED -> "badge badge-ok";
            case RETURNED -> "badge badge-overdue";
            case REJECTED, REFUSED -> "badge badge-muted";
            default -> "badge badge-open";
        };
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
