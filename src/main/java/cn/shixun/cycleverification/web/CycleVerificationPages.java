package cn.shixun.cycleverification.web;

import static cn.shixun.shared.web.ErrorPage.notFound;

import cn.shixun.cycleverification.Certificates;
import cn.shixun.cycleverification.CycleVerification;
import cn.shixun.cycleverification.CycleVerifications;
import cn.shixun.cycleverification.VerificationBatches;
import cn.shixun.cycleverification.VerificationCasework;
import cn.shixun.cycleverification.VerificationDeclarations;
import cn.shixun.cycleverification.Declaration;
import cn.shixun.cycleverification.VerificationBatch;
import cn.shixun.cycleverification.VerificationStatus;
import cn.shixun.cycleverification.process.CycleVerificationProcess;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.shared.web.RefusalStatus;
import cn.shixun.tasks.CaseEvent;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.web.BatchProgress;
import cn.shixun.tasks.web.CaseHistoryLines;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The five-year verification's pages: a school administrator sees which
 * teachers' cycles ended in a period with their hours against the requirements and declares them
 * in one step; the batch page shows the processes being started (resumable); a verification's case
 * page shows the case, lets the school amend a returned one ({@code UserTask_SchoolAmend}) and,
 * once the province has filed it, links the certificate. The same services as the JSON API.
 */
@Controller
class CycleVerificationPages {


    private final CycleVerifications verifications;
    private final VerificationBatches batches;
    private final VerificationCasework casework;
    private final Certificates certificates;
    private final CaseTasks tasks;
    private final Teachers teachers;
    private final Organisations organisations;
    private final CurrentAccounts accounts;
    private final RefusalText refusals;
    private final Clock clock;

    CycleVerificationPages(CycleVerifications verifications, VerificationBatches batches, VerificationCasework casework,
                           Certificates certificates, CaseTasks tasks, Teachers teachers, Organisations organisations,
                           CurrentAccounts accounts, RefusalText refusals, Clock clock) {
        this.clock = clock;
        this.verifications = verifications;
        this.batches = batches;
        this.casework = casework;
        this.certificates = certificates;
        this.tasks = tasks;
        this.teachers = teachers;
        this.organisations = organisations;
        this.accounts = accounts;
        this.refusals = refusals;
    }

    /** One verification of a batch as its row shows it. */
    record Row(CycleVerification verification, Teacher teacher) {
        public String badge() {
            return badgeOf(verification.status());
        }
    }

    // ---- the school's page -------------------------------------------------------------------

    @GetMapping("/cycle-verifications")
    String school(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
                  Model model, HttpServletResponse response) {
        CurrentAccount account = accounts.require();
        if (account.isTeacher()) {
            return "redirect:/cycle-verifications/mine";
        }
        requireSchoolAdmin(account);
        int lastYear = LocalDate.now(clock).getYear() - 1;
        LocalDate from = periodFrom == null ? LocalDate.of(lastYear, 1, 1) : periodFrom;
        LocalDate to = periodTo == null ? LocalDate.of(lastYear, 12, 31) : periodTo;
        return schoolPage(account, from, to, model, response);
    }

    @PostMapping("/cycle-verifications/batches")
    String declare(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
                   @RequestParam(required = false) String requestId, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        CurrentAccount account = accounts.require();
        requireSchoolAdmin(account);
        try {
            Long batchId = batches.declareInBackground(account, new Declaration(account.organisationId(),
                    periodFrom, periodTo, null, requestId));
            redirect.addFlashAttribute("done", "cv.page.declared");
            return "redirect:/cycle-verifications/batches/" + batchId;
        } catch (BusinessRuleException refusal) {
            response.setStatus(RefusalStatus.of(refusal).value());
            model.addAttribute("error", refusals.forReader(refusal));
            model.addAttribute("errorField", refusal.field());
            return schoolPage(account, periodFrom, periodTo, model, response);
        }
    }

    private String schoolPage(CurrentAccount account, LocalDate from, LocalDate to, Model model,
                              HttpServletResponse response) {
        Organisation school = organisations.requireSchool(account.organisationId(), "schoolId");
        model.addAttribute("school", school);
        model.addAttribute("periodFrom", from);
        model.addAttribute("periodTo", to);
        model.addAttribute("requestId", UUID.randomUUID().toString());
        model.addAttribute("batches", batches.batchesOf(school.getId()));
        try {
            List<VerificationDeclarations.Prospect> prospects = batches.prospects(account, school.getId(), from, to);
            model.addAttribute("declarable", prospects.stream().filter(p -> p.result() != null).toList());
            model.addAttribute("skipped", prospects.stream().filter(p -> p.result() == null).toList());
        } catch (BusinessRuleException refusal) {
            if (!model.containsAttribute("error")) {
                response.setStatus(RefusalStatus.of(refusal).value());
                model.addAttribute("error", refusals.forReader(refusal));
                model.addAttribute("errorField", refusal.field());
            }
        }
        return "cycleverification/school";
    }

    // ---- the batch page ----------------------------------------------------------------------

    @GetMapping("/cycle-verifications/batches/{id}")
    String batch(@PathVariable Long id, Model model, HttpServletResponse response) {
        CurrentAccount account = accounts.require();
        if (account.isTeacher()) {
            throw new AccessDeniedException(account.username() + " may not see a school's batch");
        }
        VerificationBatch batch;
        try {
            batch = batches.requireBatchVisibleTo(id, account);
        } catch (BusinessRuleException notVisible) {
            return notFound(model, response);
        }
        List<Row> rows = verifications.ofBatch(id).stream()
                .map(v -> new Row(v, teachers.require(v.teacherId()))).toList();
        long started = rows.stream().filter(row -> row.verification().processInstanceId() != null).count();
        Map<VerificationStatus, Long> counts = new EnumMap<>(VerificationStatus.class);
        rows.stream().filter(row -> row.verification().processInstanceId() != null)
                .forEach(row -> counts.merge(row.verification().status(), 1L, Long::sum));
        // From the same read as the rows, so that "running" and "finished" agree; any node's worker starts them.
        boolean running = rows.stream().anyMatch(row -> row.verification().processInstanceId() == null
                && row.verification().startFailure() == null);
        model.addAttribute("batch", batch);
        model.addAttribute("school", organisations.find(batch.schoolId()).orElse(null));
        model.addAttribute("rows", rows);
        // Only starts that failed with a reason wait for the school: pending ones are any node's worker's.
        model.addAttribute("batchProgress", new BatchProgress("/cycle-verifications/batches/" + id, started, rows.size(),
                running, rows.stream().anyMatch(row -> row.verification().startFailure() != null),
                counts.entrySet().stream().map(count -> new BatchProgress.Count(count.getKey().label(), count.getValue()))
                        .toList(),
                account.is(Role.SCHOOL_ADMIN)));
        return "cycleverification/batch";
    }

    @PostMapping("/cycle-verifications/batches/{id}/resume")
    String resume(@PathVariable Long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CurrentAccount account = accounts.require();
        requireSchoolAdmin(account);
        try {
            batches.resumeInBackground(id, account);
            redirect.addFlashAttribute("done", "cv.page.resumed");
        } catch (BusinessRuleException refusal) {
            if (refusal.kind() == BusinessRuleException.Kind.NOT_FOUND) {
                return notFound(model, response);
            }
            redirect.addFlashAttribute("error", refusals.forReader(refusal));
        }
        return "redirect:/cycle-verifications/batches/" + id;
    }

    // ---- a verification's case page ----------------------------------------------------------

    @GetMapping("/cycle-verifications/mine")
    String mine(Model model) {
        CurrentAccount account = accounts.require();
        if (!account.isTeacher() || account.teacherId() == null) {
            throw new AccessDeniedException(account.username() + " is not a teacher");
        }
        List<CycleVerification> own = verifications.ofTeacher(account.teacherId());
        if (!own.isEmpty()) {
            return "redirect:/cycle-verifications/" + own.get(own.size() - 1).getId();
        }
        model.addAttribute("certificates", certificates.ofTeacher(account.teacherId()));
        return "cycleverification/mine-empty";
    }

    @GetMapping("/cycle-verifications/{id}")
    String show(@PathVariable Long id, Model model, HttpServletResponse response) {
        CurrentAccount account = accounts.require();
        Optional<CycleVerification> verification = visible(id, account);
        if (verification.isEmpty()) {
            return notFound(model, response);
        }
        return casePage(verification.get(), account, model);
    }

    @PostMapping("/cycle-verifications/{id}/amendments")
    String amend(@PathVariable Long id, @RequestParam(required = false) String note, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        CurrentAccount account = accounts.require();
        Optional<CycleVerification> verification = visible(id, account);
        if (verification.isEmpty()) {
            return notFound(model, response);
        }
        Optional<CaseTask> amendTask = amendTask(id);
        if (amendTask.isPresent() && !tasks.mayWorkOn(amendTask.get(), account)) {
            throw new AccessDeniedException(account.username() + " may not amend cycle verification " + id);
        }
        try {
            casework.amend(id, account, note);
            redirect.addFlashAttribute("done", "cv.page.amended");
            return "redirect:/cycle-verifications/" + id;
        } catch (BusinessRuleException refusal) {
            response.setStatus(RefusalStatus.of(refusal).value());
            model.addAttribute("error", refusals.forReader(refusal));
            model.addAttribute("errorField", refusal.field());
            model.addAttribute("note", note);
            return casePage(verifications.require(id), account, model);
        }
    }

    private String casePage(CycleVerification verification, CurrentAccount account, Model model) {
        List<CaseEvent> events = verifications.history(verification.getId());
        Optional<CaseTask> open = verifications.openTask(verification.getId());
        model.addAttribute("verification", verification);
        model.addAttribute("teacher", teachers.require(verification.teacherId()));
        model.addAttribute("school", organisations.find(verification.schoolId()).orElse(null));
        model.addAttribute("openTask", open.orElse(null));
        model.addAttribute("statusBadge", badgeOf(verification.status()));
        model.addAttribute("history", CaseHistoryLines.from(events));
        model.addAttribute("returned", CaseHistoryLines.lastReturned(events));
        model.addAttribute("mayAmend", open.filter(task -> CycleVerificationProcess.SCHOOL_AMEND.equals(task.taskKey())
                && tasks.mayWorkOn(task, account)).isPresent());
        model.addAttribute("reviewTask", open.filter(task -> task.kind() == CaseTask.Kind.REVIEW
                && tasks.mayWorkOn(task, account)).orElse(null));
        model.addAttribute("certificate", certificates.ofVerification(verification.getId()).orElse(null));
        model.addAttribute("mayLookAtHours", !account.isTeacher());
        return "cycleverification/case";
    }

    private Optional<CycleVerification> visible(Long id, CurrentAccount account) {
        try {
            return Optional.of(verifications.requireVisibleTo(id, account));
        } catch (BusinessRuleException notVisible) {
            return Optional.empty();
        }
    }

    private Optional<CaseTask> amendTask(Long id) {
        return verifications.openTask(id).filter(task -> CycleVerificationProcess.SCHOOL_AMEND.equals(task.taskKey()));
    }

    static String badgeOf(VerificationStatus status) {
        return switch (status) {
            case CERTIFIED -> "badge badge-ok";
            case RETURNED -> "badge badge-overdue";
            case REJECTED, CERTIFICATE_REFUSED -> "badge badge-muted";
            default -> "badge badge-open";
        };
    }

    private static void requireSchoolAdmin(CurrentAccount account) {
        if (!account.is(Role.SCHOOL_ADMIN) || account.organisationId() == null) {
            throw new AccessDeniedException(account.username() + " is not a school administrator");
        }
    }
}
