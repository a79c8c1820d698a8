package cn.shixun.ledger.web;

import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.ledger.LegacyHours;
import cn.shixun.ledger.LegacyImportBatch;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.ledger.SourceType;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.ledger.TeacherStatusQuery;
import cn.shixun.policy.Claim;
import cn.shixun.policy.CreditResult;
import cn.shixun.policy.HourCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger API: a teacher's entries and status, the "what would this earn?" preview, and the
 * authority's registration, correction and legacy import. The acting user is recorded as
 * "decided by" on every entry.
 */
@RestController
@RequestMapping("/api")
class LedgerController {

    private final Ledger ledger;
    private final TeacherStatusQuery status;
    private final AccessScope scope;
    private final LegacyImportBatch legacyBatch;
    private final CurrentAccounts accounts;
    private final Clock clock;

    LedgerController(Ledger ledger, TeacherStatusQuery status, LegacyImportBatch legacyBatch,
                     CurrentAccounts accounts, AccessScope scope, Clock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.status = status;
        this.scope = scope;
        this.legacyBatch = legacyBatch;
        this.accounts = accounts;
    }

    /** At most this many teachers per batch request; a region imports in several batches. */
    static final int MAX_BATCH = 2000;

    record EntryView(Long id, Long teacherId, LocalDate date, int year, HourCategory category, String categoryLabel,
                     String claimKind, BigDecimal hours, int units, String title, SourceType sourceType,
                     String sourceRef, String evidenceNumber, List<String> evidenceFiles, String decidedBy,
                     Instant decidedAt, List<String> ruleIds, String profileCode, Integer profileVersion,
                     String decisionKey, Integer decisionVersion, Long reversesEntryId, String explanation) {

        static EntryView of(LedgerEntry e) {
            return new EntryView(e.getId(), e.teacherId(), e.entryDate(), e.entryYear(), e.category(),
                    e.category().label(), e.claimKind(), e.hours(), e.units(), e.title(), e.sourceType(), e.sourceRef(),
                    e.evidenceNumber(), e.evidenceFiles(), e.decidedBy(), e.decidedAt(), e.ruleIds(), e.profileCode(),
                    e.profileVersion(), e.decisionKey(), e.decisionVersion(), e.reversesEntryId(), e.explanation());
        }
    }

    record PreviewRequest(@NotNull Long teacherId, @NotNull Claim claim) {
    }

    record RegistrationRequest(@NotNull Claim claim, SourceType sourceType, String sourceRef, String evidenceNumber,
                               List<String> evidenceFiles) {
    }

    record CorrectionRequest(String reason, Claim replacement, String evidenceNumber, List<String> evidenceFiles) {
    }

    record LegacyRequest(List<LegacyHours> items) {
    }

    record LegacyBatchRequest(List<LegacyImportBatch.Item> teachers) {
    }

    record LegacyBatchView(int imported, int alreadyImported, int refused, int failed,
                           List<LegacyImportBatch.Result> results) {

        static LegacyBatchView of(List<LegacyImportBatch.Result> results) {
            return new LegacyBatchView(count(results, LegacyImportBatch.Outcome.IMPORTED),
                    count(results, LegacyImportBatch.Outcome.ALREADY_IMPORTED),
                    count(results, LegacyImportBatch.Outcome.REFUSED), count(results, LegacyImportBatch.Outcome.FAILED),
                    results);
        }

        private static int count(List<LegacyImportBatch.Result> results, LegacyImportBatch.Outcome outcome) {
            return (int) results.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    @GetMapping("/teachers/{teacherId}/ledger")
    List<EntryView> entries(@PathVariable Long teacherId) {
        return ledger.entriesOf(scope.requireTeacher(teacherId)).stream().map(EntryView::of).toList();
    }

    @GetMapping("/teachers/{teacherId}/status")
    TeacherStatus status(@PathVariable Long teacherId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return status.statusOf(scope.requireTeacher(teacherId), date == null ? LocalDate.now(clock) : date);
    }

    @PostMapping("/ledger/preview")
    CreditResult preview(@Valid @RequestBody PreviewRequest request) {
        return ledger.preview(scope.requireTeacher(request.teacherId()), request.claim());
    }

    @PostMapping("/teachers/{teacherId}/ledger")
    @ResponseStatus(HttpStatus.CREATED)
    EntryView register(@PathVariable Long teacherId, @Valid @RequestBody RegistrationRequest request) {
        Evidence evidence = new Evidence(request.sourceType(), request.sourceRef(), request.evidenceNumber(),
                request.evidenceFiles());
        return EntryView.of(ledger.register(scope.requireTeacher(teacherId), request.claim(), evidence, actor()));
    }

    @PostMapping("/ledger/{entryId}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    List<EntryView> correct(@PathVariable Long entryId, @RequestBody CorrectionRequest request) {
        Evidence evidence = request.evidenceNumber() == null ? null
                : new Evidence(SourceType.PROJECT, "correction:" + entryId, request.evidenceNumber(), request.evidenceFiles());
        // An entry of a teacher outside the scope is answered like an entry that does not exist.
        if (!scope.coversTeacher(ledger.require(entryId).teacherId())) {
            throw BusinessRuleException.notFound("entryId", "ledger.entry-not-found", entryId);
        }
        return ledger.correct(entryId, request.reason(), request.replacement(), evidence, actor()).stream()
                .map(EntryView::of).toList();
    }

    @PostMapping("/teachers/{teacherId}/legacy-hours")
    @ResponseStatus(HttpStatus.CREATED)
    List<EntryView> importLegacy(@PathVariable Long teacherId, @RequestBody LegacyRequest request) {
        return ledger.importLegacy(scope.requireTeacher(teacherId), request.items(), actor()).stream().map(EntryView::of).toList();
    }

    /**
     * Legacy hours for many teachers, one transaction per teacher, resumable: submitting
     * the same batch again after a failure writes only what is missing. Teachers outside the
     * caller's scope are refused one by one, like unknown ones.
     */
    @PostMapping("/legacy-hours/batches")
    LegacyBatchView importLegacyBatch(@RequestBody LegacyBatchRequest request) {
        CurrentAccount account = accounts.require();
        if (account.isTeacher()) {
            throw new AccessDeniedException("teacher " + account.username() + " may not import legacy hours");
        }
        if (request.teachers() == null || request.teachers().isEmpty() || request.teachers().size() > MAX_BATCH) {
            throw BusinessRuleException.violation("R-41", "teachers", "ledger.legacy.batch-size", MAX_BATCH);
        }
        return LegacyBatchView.of(legacyBatch.run(request.teachers(), account.username(),
                teacherId -> scope.coversTeacher(account, teacherId)));
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }
}
