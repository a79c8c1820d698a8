package cn.shixun.insight.completion;

import java.util.List;

/** Where one teacher stands in a completion table; {@code reason} says why a teacher is not counted. */
record Standing(Kind kind, NotCounted reason, List<Shortfall> shortfalls) {

    enum Kind { MET, SHORT, EXEMPT, NOT_COUNTED }

    /** Why a teacher on the school's staff is left out of the count (docs/insight.md). */
    enum NotCounted {
        /** Left post on or before the date (R-01; Kunming 第二条 "在职在岗"). */
        LEFT_POST,
        /** No teacher qualification certificate: outside the notices' scope (R-01; Kunming 第二条 "持有教师资格证"). */
        NOT_CERTIFIED,
        /** The profile sets no minimum of this basis (e.g. Zhengzhou has no yearly minimum, only the cycle's). */
        NO_REQUIREMENT,
        /** Owes nothing yet: hired in the second half of the year under Xinxiang §三.10. */
        NOT_YET_OWED,
        /** No policy profile version in force for the school on the date. */
        NO_PROFILE
    }

    Standing {
        shortfalls = List.copyOf(shortfalls);
    }

    static Standing notCounted(NotCounted reason) {
        return new Standing(Kind.NOT_COUNTED, reason, List.of());
    }
}
