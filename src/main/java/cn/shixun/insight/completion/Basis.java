package cn.shixun.insight.completion;

import cn.shixun.policy.Requirement;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a completion table measures: the year's duties (R-38 judges a school by them) or the
 * teacher's current cycle. Each takes the requirements of its periods from the teacher's status.
 */
enum Basis {
    /** The yearly minimum and, in their first year, a new teacher's or principal's training. */
    YEAR(EnumSet.of(Requirement.Period.YEAR, Requirement.Period.FIRST_YEAR, Requirement.Period.PRINCIPAL_FIRST_YEAR)),
    /** The cycle's minimums, as far as they are met on the date. */
    CYCLE(EnumSet.of(Requirement.Period.CYCLE));

    private final Set<Requirement.Period> periods;

    Basis(Set<Requirement.Period> periods) {
        this.periods = periods;
    }

    boolean measures(Requirement.Period period) {
        return periods.contains(period);
    }

    /** Parses a request parameter; null for anything else. */
    static Basis parse(String value) {
        for (Basis basis : values()) {
            if (basis.name().equalsIgnoreCase(value)) {
                return basis;
            }
        }
        return null;
    }
}
