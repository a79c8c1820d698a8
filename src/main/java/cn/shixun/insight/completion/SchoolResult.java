package cn.shixun.insight.completion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One school's completion on a date: its figures and its short teachers, and where they come
 * from — computed now from the ledger, or the year-end snapshot taken at {@code takenAt}.
 */
record SchoolResult(Long schoolId, LocalDate asOf, Figures figures, List<ShortTeacher> shortTeachers, Source source,
                    Instant takenAt) {

    enum Source {
        /** Computed from the ledger for the date (the current year, or a past year without a snapshot). */
        LEDGER,
        /** The year-end snapshot: not rewritten by a later transfer or a late credit. */
        SNAPSHOT
    }

    SchoolResult {
        shortTeachers = List.copyOf(shortTeachers);
    }
}
