package cn.shixun.tasks;

import java.time.Instant;

/**
 * What a reviewer narrows their worklist to, and its order. Every part is optional (null: not
 * narrowed) and goes into the engine's task query, so that paging and counts stay the database's.
 *
 * @param processKey    the procedure
 * @param step          the step's name as people call it, e.g. 学校审核, in whichever procedure
 * @param organisation  part of the name of the case's school (or county, for a county's plan)
 * @param applicant     part of the applicant's name: the teacher, or the organisation that applied
 * @param dueBefore     only tasks due before this (overdue ones, or due within some days)
 * @param createdFrom   only tasks that opened at or after this
 * @param createdBefore only tasks that opened before this
 * @param sort          the order of the list
 */
public record WorklistFilter(String processKey, String step, String organisation, String applicant, Instant dueBefore,
                             Instant createdFrom, Instant createdBefore, Sort sort) {

    /** The whole worklist, earliest deadline first. */
    public static final WorklistFilter NONE = ofProcess(null);

    public enum Sort {
        /** Earliest deadline first, then the oldest. */
        DUE,
        /** Oldest first. */
        CREATED,
        /** By the applicant's name (in character order, not pinyin), then the earliest deadline. */
        APPLICANT
    }

    public WorklistFilter {
        sort = sort == null ? Sort.DUE : sort;
    }

    /** Only the procedure's tasks (all procedures' for null), earliest deadline first. */
    public static WorklistFilter ofProcess(String processKey) {
        return new WorklistFilter(processKey, null, null, null, null, null, null, Sort.DUE);
    }
}
