package cn.shixun.cycleverification;

import cn.shixun.ledger.TeacherStatus;
import cn.shixun.ledger.TeacherStatusQuery;
import cn.shixun.policy.HourCategory;
import cn.shixun.policy.Requirement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads a teacher's cycles from the ledger's status query: which cycle ended in a period, and
 * what that cycle's hours are (R-07: 360 incl. 80 school-based; R-08: whose cycle, per profile).
 * Only the cycle's own requirements count for the verification; yearly ones are annual
 * registration's business.
 */
@Component
class CycleResults {

    private final TeacherStatusQuery status;

    CycleResults(TeacherStatusQuery status) {
        this.status = status;
    }

    /** The teacher's cycle whose last day lies in [from, to], if any (the one containing {@code to}, or the one before). */
    Optional<TeacherStatus.CycleView> cycleEndingIn(Long teacherId, LocalDate from, LocalDate to) {
        TeacherStatus.CycleView containing = status.statusOf(teacherId, to).cycle();
        if (!containing.end().isBefore(from) && !containing.end().isAfter(to)) {
            return Optional.of(containing);
        }
        TeacherStatus.CycleView before = status.statusOf(teacherId, containing.start().minusDays(1)).cycle();
        if (!before.end().isBefore(from) && !before.end().isAfter(to)) {
            return Optional.of(before);
        }
        return Optional.empty();
    }

    /** The hours of the cycle that ends on {@code cycleEnd}, as credited by that day. */
    CycleResult resultOf(Long teacherId, LocalDate cycleEnd) {
        TeacherStatus on = status.statusOf(teacherId, cycleEnd);
        return new CycleResult(on.profile().code(), on.cycle().start(), on.cycle().end(), on.cycleTotal(),
                on.cycleTotals().getOrDefault(HourCategory.SCHOOL_BASED, BigDecimal.ZERO.setScale(2)),
                on.requirements().stream().filter(r -> r.period() == Requirement.Period.CYCLE && !r.met())
                        .map(r -> new CycleResult.Shortfall(r.label(), r.ruleId(), r.category(), r.required(), r.credited(),
                                r.missing()))
                        .toList());
    }
}
