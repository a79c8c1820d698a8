package cn.shixun.cycleverification;

import cn.shixun.ledger.TeacherStatus;
import cn.shixun.organisation.Organisation;
import cn.shixun.security.CandidateGroup;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import cn.shixun.tasks.CaseProgress;
import cn.shixun.tasks.ReviewRouting;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who a school may declare for a period and where their cases go: the
 * period, each teacher's eligibility, a whole school or an explicit list, and the review groups.
 * Reads only; {@link VerificationDeclarations} writes.
 */
@Component
class DeclarationCandidates {

    /** Teachers declared in one batch at most. */
    static final int MAX_BATCH = 500;

    /** A teacher to declare, and the end of the cycle to verify. */
    record Candidate(Teacher teacher, LocalDate cycleEnd) {
    }

    /** The teachers of a whole school: those to declare, and those left out and why. */
    record Chosen(List<Candidate> candidates, List<VerificationDeclarations.Skipped> skipped) {
    }

    private final CycleVerificationRepository verifications;
    private final CycleVerifications records;
    private final CycleResults cycles;
    private final Teachers teachers;
    private final ReviewRouting routing;
    private final RefusalText refusals;
    private final Clock clock;

    DeclarationCandidates(CycleVerificationRepository verifications, CycleVerifications records, CycleResults cycles,
                          Teachers teachers, ReviewRouting routing, RefusalText refusals, Clock clock) {
        this.verifications = verifications;
        this.records = records;
        this.cycles = cycles;
        this.teachers = teachers;
        this.routing = routing;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** Every teacher of the school whose cycle ended in the period; the others are left out with the reason. */
    Chosen wholeSchool(Organisation school, LocalDate from, LocalDate to) {
        List<Candidate> chosen = new ArrayList<>();
        List<VerificationDeclarations.Skipped> skipped = new ArrayList<>();
        List<Teacher> staff = teachers.atSchool(school.getId());
        Earlier earlier = earlierOf(staff);
        for (Teacher teacher : staff) {
            Eligibility eligibility = eligibility(teacher, from, to, earlier);
            if (eligibility.refusal() == null) {
                chosen.add(new Candidate(teacher, eligibility.cycleEnd()));
            } else {
                skipped.add(new VerificationDeclarations.Skipped(teacher.getId(), teacher.name(),
                        refusals.forRecord(eligibility.refusal())));
            }
        }
        return new Chosen(chosen, skipped);
    }

    /** Each teacher of the school with the hours of the cycle ending in the period, or why they are left out. */
    List<VerificationDeclarations.Prospect> prospects(Organisation school, LocalDate from, LocalDate to) {
        List<VerificationDeclarations.Prospect> prospects = new ArrayList<>();
        List<Teacher> staff = teachers.atSchool(school.getId());
        Earlier earlier = earlierOf(staff);
        for (Teacher teacher : staff) {
            Eligibility eligibility = eligibility(teacher, from, to, earlier);
            prospects.add(eligibility.refusal() == null
                    ? new VerificationDeclarations.Prospect(teacher,
                            cycles.resultOf(teacher.getId(), eligibility.cycleEnd()), null)
                    : new VerificationDeclarations.Prospect(teacher, null, refusals.forReader(eligibility.refusal())));
        }
        return prospects;
    }

    /** The hours of the candidate's cycle, as the ledger has them now. */
    CycleResult resultOf(Candidate candidate) {
        return cycles.resultOf(candidate.teacher().getId(), candidate.cycleEnd());
    }

    /** a period whose end has passed (a cycle that has not ended cannot be verified). */
    void requirePeriod(LocalDate from, LocalDate to) {
        if (from == null) {
            throw BusinessRuleException.violation("R-34", "periodFrom", "cycleverification.period-required");
        }
        if (to == null) {
            throw BusinessRuleException.violation("R-34", "periodTo", "cycleverification.period-required");
        }
        if (to.isBefore(from)) {
            throw BusinessRuleException.violation("R-34", "periodTo", "cycleverification.period-reversed", from, to);
        }
        if (!to.isBefore(LocalDate.now(clock))) {
            throw BusinessRuleException.violation("R-34", "periodTo", "cycleverification.period-not-ended", to);
        }
    }

    /** Why a teacher cannot be declared for the period (a refusal, not thrown), or the end of the cycle to verify. */
    private record Eligibility(LocalDate cycleEnd, BusinessRuleException refusal) {
    }

    /** An explicit list: every teacher must qualify, or the whole batch is refused naming the first one that does not. */
    List<Candidate> listed(List<Long> teacherIds, Organisation school, LocalDate from, LocalDate to) {
        if (teacherIds.isEmpty()) {
            throw BusinessRuleException.violation("R-34", "teacherIds", "cycleverification.nobody-listed");
        }
        if (teacherIds.size() > MAX_BATCH) {
            throw BusinessRuleException.violation("R-34", "teacherIds", "cycleverification.batch-too-large", MAX_BATCH);
        }
        Set<Long> seen = new HashSet<>();
        List<Candidate> chosen = new ArrayList<>();
        for (int i = 0; i < teacherIds.size(); i++) {
            String field = "teacherIds[" + i + "]";
            Long id = teacherIds.get(i);
            Teacher teacher = teachers.find(id)
                    .orElseThrow(() -> BusinessRuleException.notFound(field, "cycleverification.teacher-not-found", id));
            if (!seen.add(id)) {
                throw BusinessRuleException.conflict("R-34", field, "cycleverification.teacher-twice", teacher.name());
            }
            if (!teacher.schoolId().equals(school.getId())) {
                throw BusinessRuleException.forbidden("R-04", field, "cycleverification.teacher-not-at-school",
                        teacher.name(), school.name());
            }
            Eligibility eligibility = eligibility(teacher, from, to, earlierOf(List.of(teacher)));
            if (eligibility.refusal() != null) {
                BusinessRuleException refusal = eligibility.refusal();
                throw switch (refusal.kind()) {
                    case CONFLICT -> BusinessRuleException.conflict(refusal.ruleId(), field, refusal.messageKey(),
                            refusal.messageArgs());
                    default -> BusinessRuleException.violation(refusal.ruleId(), field, refusal.messageKey(),
                            refusal.messageArgs());
                };
            }
            chosen.add(new Candidate(teacher, eligibility.cycleEnd()));
        }
        return chosen;
    }

    /**
     * R-01 registrable; a cycle that ended in the period under the teacher's profile;
     * not verified already (a certificate here, or a paper certificate issued after the cycle
     * ended); not in a verification still open.
     */
    private Eligibility eligibility(Teacher teacher, LocalDate from, LocalDate to, Earlier earlier) {
        if (!teacher.isRegistrable()) {
            return refused(BusinessRuleException.violation("R-01", "teacherIds", "cycleverification.not-registrable",
                    teacher.name()));
        }
        Optional<CycleVerification> open = earlier.of(teacher).stream().filter(v -> v.status().isOpen()).findFirst();
        if (open.isPresent()) {
            return refused(BusinessRuleException.conflict("R-34", "teacherIds", "cycleverification.already-declared",
                    teacher.name(), open.get().cycleStart(), open.get().cycleEnd(), earlier.statusLabel(open.get())));
        }
        Optional<CycleVerification> certified = earlier.of(teacher).stream()
                .filter(v -> v.status() == VerificationStatus.CERTIFIED
                        && !v.cycleEnd().isBefore(from) && !v.cycleEnd().isAfter(to)).findFirst();
        if (certified.isPresent()) {
            return refused(BusinessRuleException.conflict("R-34", "teacherIds", "cycleverification.already-verified",
                    teacher.name(), certified.get().cycleStart(), certified.get().cycleEnd()));
        }
        Optional<TeacherStatus.CycleView> cycle;
        try {
            cycle = cycles.cycleEndingIn(teacher.getId(), from, to);
        } catch (BusinessRuleException noProfile) {
            return refused(noProfile);
        }
        // A per-teacher cycle counted back from the hire date may end before the teacher started: not theirs.
        if (cycle.isEmpty() || cycle.get().end().isBefore(teacher.hireDate())) {
            return refused(BusinessRuleException.violation("R-34", "teacherIds", "cycleverification.cycle-not-in-period",
                    teacher.name(), from, to));
        }
        LocalDate end = cycle.get().end();
        if (teacher.lastCertificateIssuedOn() != null && end.isBefore(teacher.lastCertificateIssuedOn())) {
            return refused(BusinessRuleException.conflict("R-34", "teacherIds", "cycleverification.already-verified",
                    teacher.name(), cycle.get().start(), end));
        }
        return new Eligibility(end, null);
    }

    private static Eligibility refused(BusinessRuleException refusal) {
        return new Eligibility(null, refusal);
    }

    /** The teachers' earlier verifications, and where the open ones stand (e.g. 县级复查中, read from their process). */
    private record Earlier(Map<Long, List<CycleVerification>> byTeacher, Map<Long, CaseProgress> progress) {

        List<CycleVerification> of(Teacher teacher) {
            return byTeacher.getOrDefault(teacher.getId(), List.of());
        }

        String statusLabel(CycleVerification open) {
            return progress.get(open.getId()).statusLabel(open.status());
        }
    }

    /** One read of the teachers' verifications and one of the open ones' steps, for a whole school at once. */
    private Earlier earlierOf(List<Teacher> staff) {
        if (staff.isEmpty()) {
            return new Earlier(Map.of(), Map.of());
        }
        List<CycleVerification> all = verifications.findByTeacherIdInOrderByIdAsc(
                staff.stream().map(Teacher::getId).toList());
        return new Earlier(all.stream().collect(Collectors.groupingBy(CycleVerification::teacherId)),
                records.progressOf(all.stream().filter(v -> v.status().isOpen()).toList()));
    }

    /** county schools go to their county, then its city; city- and province-direct middle schools straight to the city. */
    CycleVerification.Routing routingOf(Organisation school) {
        CandidateGroup schoolGroup = routing.schoolReview(school.getId());
        CandidateGroup authority = routing.authorityReview(school.getId());
        boolean county = authority.role() == Role.COUNTY_REVIEWER;
        CandidateGroup city = county ? routing.above(authority).orElseThrow(
                () -> new IllegalStateException("no city above " + authority.id())) : authority;
        CandidateGroup province = routing.above(city).orElseThrow(
                () -> new IllegalStateException("no province above " + city.id()));
        return new CycleVerification.Routing(schoolGroup.id(), county ? authority.id() : null, city.id(), province.id());
    }
}
