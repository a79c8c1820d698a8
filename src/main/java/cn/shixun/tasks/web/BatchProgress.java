package cn.shixun.tasks.web;

import java.util.List;

/**
 * A school's declaration that starts one case per teacher in the background (annual registration,
 * five-year verification), as {@code fragments/batch-progress :: batch(...)} shows it: how many of
 * the teachers are done, the counts by outcome, whether it still runs (the page then refreshes
 * itself), finished, or stopped with failures that wait for the school (then it can be resumed
 * from {@code page + "/resume"}, which retries only those).
 *
 * @param page the batch page's path, e.g. {@code /annual-registrations/batches/3}
 * @param running teachers are still pending: some node's worker will start them (ADR 0008)
 * @param failures some teachers could not be started and are recorded with their reason
 */
public record BatchProgress(String page, long done, long total, boolean running, boolean failures, List<Count> counts,
                            boolean mayResume) {

    /** One line under the bar: an outcome or status as people read it and how many have it. */
    public record Count(String label, long value) {
    }

    public long percent() {
        return total == 0 ? 100 : done * 100 / total;
    }

    /** Nothing pending and nobody failed. */
    public boolean finished() {
        return !running && !failures;
    }

    /** Nothing pending any more, but some teachers failed: only the school's "继续申报" retries them. */
    public boolean interrupted() {
        return !running && failures;
    }

    public String resumePage() {
        return page + "/resume";
    }
}
