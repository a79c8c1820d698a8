package cn.shixun.cycleverification.web;

import static cn.shixun.shared.web.ErrorPage.notFound;

import cn.shixun.cycleverification.CycleVerification;
import cn.shixun.cycleverification.CycleVerifications;
import cn.shixun.cycleverification.Declaration;
import cn.shixun.cycleverification.StandingCount;
import cn.shixun.cycleverification.VerificationBatch;
import cn.shixun.cycleverification.VerificationBatches;
import cn.shixun.cycleverification.VerificationDeclarations;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * The school's five-year verification pages: a school administrator sees which
 * teachers' cycles ended in a period with their hours against the requirements and declares them
 * in one step; the batch page shows the processes being started (resumable) and where each
 * verification stands, counted by open step. The same services as the JSON API; a verification's
 * own page is {@link VerificationCasePages}.
 */
@Controller
class VerificationBatchPages {

    private final CycleVerifications verifications;
    private final VerificationBatches batches;
    private final Teachers teachers;
    private final Organisations organisations;
    private final CurrentAccounts accounts;
    private final RefusalText refusals;
    private final Clock clock;

    VerificationBatchPages(CycleVerifications verifications, VerificationBatches batches, Teachers teachers,
                           Organisations organisations, CurrentAccounts accounts, RefusalText refusals, Clock clock) {
        this.verifications = verifications;
        this.batches = batches;
        this.teachers = teachers;
        this.organisations = organisations;
        this.accounts = accounts;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** One verification of a batch as its row shows it: its status as the process has it while open. */
    record Row(CycleVerification verification, Teacher teacher, String statusLabel, String badge) {
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
        List<CycleVerification> all = verifications.ofBatch(id);
        List<CycleVerification> started = all.stream().filter(v -> v.processInstanceId() != null).toList();
        // Where every started verification stands, from one read of their open tasks.
        Map<Long, CaseProgress> progress = verifications.progressOf(started);
        List<Row> rows = all.stream().map(v -> {
            CaseProgress standing = progress.getOrDefault(v.getId(), new CaseProgress(List.of()));
            return new Row(v, teachers.require(v.teacherId()), standing.statusLabel(v.status()),
                    StatusBadge.of(v.status(), standing));
        }).toList();
        // From the same read as the rows, so that "running" and "finished" agree; any node's worker starts them.
        boolean running = all.stream().anyMatch(v -> v.processInstanceId() == null && v.startFailure() == null);
        model.addAttribute("batch", batch);
        model.addAttribute("school", organisations.find(batch.schoolId()).orElse(null));
        model.addAttribute("rows", rows);
        // Only starts that failed with a reason wait for the school: pending ones are any node's worker's.
        model.addAttribute("batchProgress", new BatchProgress("/cycle-verifications/batches/" + id, started.size(),
                all.size(), running, all.stream().anyMatch(v -> v.startFailure() != null),
                StandingCount.of(started, progress).stream()
                        .map(count -> new BatchProgress.Count(count.label(), count.count())).toList(),
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

    private static void requireSchoolAdmin(CurrentAccount account) {
        if (!account.is(Role.SCHOOL_ADMIN) || account.organisationId() == null) {
            throw new AccessDeniedException(account.username() + " is not a school administrator");
        }
    }
}
