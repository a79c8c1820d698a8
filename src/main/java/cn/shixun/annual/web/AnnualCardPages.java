package cn.shixun.annual.web;

import static cn.shixun.shared.web.ErrorPage.notFound;

import cn.shixun.annual.AnnualCalendar;
import cn.shixun.annual.AnnualRegistration;
import cn.shixun.annual.AnnualRegistrations;
import cn.shixun.annual.AnnualUploads;
import cn.shixun.annual.AnnualUploads.LineFiles;
import cn.shixun.annual.RegistrationStatus;
import cn.shixun.evidence.EvidenceUploads;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.RefusalStatus;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.teacher.Teachers;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
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
 * An annual registration card's case page: the teacher's way to their own card, and
 * the card where a returned card is amended by whoever {@code UserTask_AmendCard} belongs to (the
 * teacher for their own card, the school for a card it declared). An amendment's scans are
 * uploaded with the form, one or more per line, and stored as the teacher's evidence files in the
 * amendment's transaction ({@link AnnualUploads}: a refused amendment keeps none). The school's
 * pages are {@link AnnualSchoolPages}.
 */
@Controller
class AnnualCardPages {

    /** A line's new scans: file inputs named {@code files-<ledgerEntryId>}. */
    static final String FILES_PREFIX = "files-";
    /** A line's scans attached before and kept: checkboxes named {@code keep-<ledgerEntryId>}, the file id as value. */
    static final String KEEP_PREFIX = "keep-";
    /** Marks the typed values of a posted form (an empty map: the card as stored, every attached scan kept). */
    private static final String POSTED = "posted";

    private final AnnualRegistrations registrations;
    private final AnnualUploads uploads;
    private final AnnualCardPageModel pageModel;
    private final CaseTasks tasks;
    private final CurrentAccounts accounts;
    private final AnnualCalendar calendar;
    private final Teachers teachers;
    private final RefusalText refusals;

    AnnualCardPages(AnnualRegistrations registrations, AnnualUploads uploads, AnnualCardPageModel pageModel,
                    CaseTasks tasks, CurrentAccounts accounts, AnnualCalendar calendar, Teachers teachers,
                    RefusalText refusals) {
        this.registrations = registrations;
        this.uploads = uploads;
        this.pageModel = pageModel;
        this.tasks = tasks;
        this.accounts = accounts;
        this.calendar = calendar;
        this.teachers = teachers;
        this.refusals = refusals;
    }

    @GetMapping("/annual-registrations/mine")
    String mine(Model model) {
        CurrentAccount account = requireTeacher();
        int year = calendar.today().getYear();
        List<AnnualRegistration> own = registrations.ofTeacher(account.teacherId());
        Optional<AnnualRegistration> current = own.stream().filter(r -> r.year() == year).findFirst();
        // No card this year yet, or one that was rejected or refused while the late path is open: an earlier card is
        // only linked, so that the year's deadline and (after it) the late path (补报) stay in sight.
        boolean yearFree = current.map(card -> !card.status().isOpen()
                && card.status() != RegistrationStatus.PUBLISHED).orElse(true);
        if (current.isPresent() && !(yearFree && lateOpenFor(account, year))) {
            return "redirect:/annual-registrations/" + current.get().getId();
        }
        return minePage(account, year, own, model);
    }

    private boolean lateOpenFor(CurrentAccount account, int year) {
        try {
            return registrations.datesOf(teachers.require(account.teacherId()).schoolId(), year, false)
                    .lateOpenOn(calendar.today());
        } catch (BusinessRuleException noDates) {
            return false;
        }
    }

    /**
     * The teacher files their own card late (补报) with a reason, after the school's submission date: it opens at the
     * registration authority's review of the late filing. Refused (nothing written) without a reason, or before the date.
     */
    @PostMapping("/annual-registrations/mine/late")
    String fileLate(@RequestParam(required = false) String lateReason, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        CurrentAccount account = requireTeacher();
        int year = calendar.today().getYear();
        try {
            AnnualRegistration filed = registrations.submit(account, year, false, List.of(), lateReason);
            redirect.addFlashAttribute("done", "annual.page.late.filed");
            return "redirect:/annual-registrations/" + filed.getId();
        } catch (BusinessRuleException refusal) {
            response.setStatus(RefusalStatus.of(refusal).value());
            model.addAttribute("error", refusals.forReader(refusal));
            model.addAttribute("errorField", refusal.field());
            model.addAttribute("lateReason", lateReason);
            return minePage(account, year, registrations.ofTeacher(account.teacherId()), model);
        }
    }

    /** The teacher without a card this year: the school's submission date and, after it, why and the late path. */
    private String minePage(CurrentAccount account, int year, List<AnnualRegistration> own, Model model) {
        LocalDate today = calendar.today();
        model.addAttribute("year", year);
        model.addAttribute("today", today);
        model.addAttribute("latest", own.isEmpty() ? null : own.get(0));
        model.addAttribute("closedThisYear", own.stream().filter(card -> card.year() == year).findFirst().orElse(null));
        try {
            AnnualCalendar.Dates dates = registrations.datesOf(teachers.require(account.teacherId()).schoolId(), year,
                    false);
            model.addAttribute("dates", dates);
            model.addAttribute("deadlinePassed", dates.lateOn(today));
            model.addAttribute("lateOpen", dates.lateOpenOn(today));
        } catch (BusinessRuleException noDates) {
            model.addAttribute("datesError", refusals.forReader(noDates));
        }
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
        Optional<CaseTask> amendTask = pageModel.amendTask(registration.get());
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
        try {
            uploads.amend(id, account, entryOrder.stream().map(entryId -> new LineFiles(entryId,
                    kept.getOrDefault(entryId, List.of()), added.getOrDefault(entryId, List.of()))).toList());
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
        pageModel.fill(model, registration, account, typed);
        return "annual/card";
    }

    private CurrentAccount requireTeacher() {
        CurrentAccount account = accounts.require();
        if (!account.isTeacher() || account.teacherId() == null) {
            throw new AccessDeniedException(account.username() + " is not a teacher");
        }
        return account;
    }

    private Optional<AnnualRegistration> visible(Long id, CurrentAccount account) {
        try {
            return Optional.of(registrations.requireVisibleTo(id, account));
        } catch (BusinessRuleException notVisible) {
            return Optional.empty();
        }
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
}
