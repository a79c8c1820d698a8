package cn.shixun.cycleverification;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.security.AccessScope;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.Role;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's declaration before any process starts: who may declare which school, the
 * period, the teachers ({@link DeclarationCandidates}); every refusal comes before anything is
 * written. Then the batch and one verification per teacher, in one transaction; a repeated
 * {@code requestId} returns the batch already declared. {@link VerificationBatches} starts them.
 */
@Service
@Transactional(readOnly = true)
public class VerificationDeclarations {

    private static final int MAX_REQUEST_ID = 64;
    private static final Logger log = LoggerFactory.getLogger(VerificationDeclarations.class);

    /** The batch and its verifications, with the teachers of the school left out and why. */
    public record Declared(VerificationBatch batch, List<CycleVerification> verifications, List<Skipped> skipped) {
    }

    /** A teacher of the school not declared, and why (unregistrable, cycle elsewhere, verified, in progress). */
    public record Skipped(Long teacherId, String teacherName, String reason) {
    }

    /** A teacher of the school as a whole-school declaration for the period would treat them: declared with these hours, or left out and why. */
    public record Prospect(Teacher teacher, CycleResult result, String reason) {
    }

    private final CycleVerificationRepository verifications;
    private final VerificationBatchRepository batches;
    private final DeclarationCandidates candidates;
    private final Organisations organisations;
    private final AccessScope scope;
    private final ApplicationEventPublisher events;

    VerificationDeclarations(CycleVerificationRepository verifications, VerificationBatchRepository batches,
                             DeclarationCandidates candidates, Organisations organisations, AccessScope scope,
                             ApplicationEventPublisher events) {
        this.verifications = verifications;
        this.batches = batches;
        this.candidates = candidates;
        this.organisations = organisations;
        this.scope = scope;
        this.events = events;
    }

    /**
     * What declaring the school for the period would do, without writing anything:
     * each teacher's cycle ending in it with its hours against the requirements, or why they are left out.
     */
    public List<Prospect> prospects(CurrentAccount account, Long schoolId, LocalDate from, LocalDate to) {
        Organisation school = requireDeclaring(account, schoolId);
        candidates.requirePeriod(from, to);
        return candidates.prospects(school, from, to);
    }

    /** The checks, then the batch with every verification written at once (a refusal writes nothing). */
    @Transactional
    Declared prepare(CurrentAccount account, Declaration declaration) {
        if (declaration == null || declaration.schoolId() == null) {
            throw BusinessRuleException.violation("R-34", "schoolId", "cycleverification.school-required");
        }
        Organisation school = requireDeclaring(account, declaration.schoolId());
        String requestId = requestId(declaration.requestId());
        if (requestId != null) {
            Optional<VerificationBatch> earlier = batches.findBySchoolIdAndRequestId(school.getId(), requestId);
            if (earlier.isPresent()) {
                log.info("Cycle verification batch {} requested again ({}); nothing new declared",
                        earlier.get().getId(), requestId);
                return new Declared(earlier.get(), List.of(), List.of());
            }
        }
        LocalDate from = declaration.periodFrom();
        LocalDate to = declaration.periodTo();
        candidates.requirePeriod(from, to);
        List<DeclarationCandidates.Candidate> chosen;
        List<Skipped> skipped = List.of();
        if (declaration.teacherIds() == null) {
            DeclarationCandidates.Chosen whole = candidates.wholeSchool(school, from, to);
            chosen = whole.candidates();
            skipped = whole.skipped();
            if (chosen.isEmpty()) {
                throw BusinessRuleException.violation("R-34", "periodTo", "cycleverification.nobody-to-declare",
                        school.name(), from, to);
            }
        } else {
            chosen = candidates.listed(declaration.teacherIds(), school, from, to);
        }
        Instant now = Instant.now();
        VerificationBatch batch;
        try {
            batch = batches.saveAndFlush(new VerificationBatch(school.getId(), from, to, requestId, account.username(),
                    now));
        } catch (DataIntegrityViolationException raced) {
            throw BusinessRuleException.conflict("R-34", "requestId", "cycleverification.request-in-progress", requestId);
        }
        CycleVerification.Routing groups = candidates.routingOf(school);
        List<CycleVerification> created = new ArrayList<>();
        for (DeclarationCandidates.Candidate candidate : chosen) {
            created.add(verifications.save(new CycleVerification(batch.getId(), candidate.teacher().getId(),
                    school.getId(), candidates.resultOf(candidate), groups, now)));
        }
        verifications.flush();
        events.publishEvent(new AuditedAction("cycle-verification.declare", "cycleVerificationBatch",
                String.valueOf(batch.getId()), school.name() + "申报 " + from + " 至 " + to + " 期满的 "
                + created.size() + " 名教师"));
        log.info("Cycle verification batch {}: {} declared {} teachers of school {} ({} skipped)", batch.getId(),
                account.username(), created.size(), school.code(), skipped.size());
        return new Declared(batch, created, skipped);
    }

    /** A school administrator of a school their scope covers. */
    private Organisation requireDeclaring(CurrentAccount account, Long schoolId) {
        if (!account.is(Role.SCHOOL_ADMIN)) {
            throw BusinessRuleException.forbidden("R-34", "schoolId", "cycleverification.only-schools-declare");
        }
        Organisation school = organisations.requireSchool(schoolId, "schoolId");
        if (!scope.covers(account, school.getId())) {
            throw BusinessRuleException.forbidden("R-04", "schoolId", "cycleverification.school-outside-scope",
                    school.name());
        }
        return school;
    }

    private static String requestId(String requestId) {
        if (requestId == null || requestId.isBlank()) {
            return null;
        }
        String id = requestId.strip();
        if (id.length() > MAX_REQUEST_ID) {
            throw BusinessRuleException.violation(null, "requestId", "cycleverification.text-too-long", MAX_REQUEST_ID);
        }
        return id;
    }
}
