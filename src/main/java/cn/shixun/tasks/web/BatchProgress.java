package cn.shixun.tasks.web;

import java.util.List;

/**
 * A school's declaration that starts one case per teacher in the background (annual registration,
 * five-year verification), as {@code fragments/batch-progress :: batch(...)} shows it: how many of
 * the teachers are done, the counts by outcome, whether it still runs (the page then refreshes
 * itself), finished or was interrupted (then it can be resumed from {@code page + "/resume"}).
 *
 * @param page the batch page's path, e.g. {@code /annual-registrations/batches/3}
 */
public record BatchProgress(String page, long done, long total, boolean running, boolean finished, List<Count> counts,
                            boolean mayResume) {

    /** One line under the bar: an outcome or status as people read it and how many have it. */
    public record Count(String label, long value) {
    }

    public long percent() {
        return total == 0 ? 100 : done * 100 / total;
    }

    /** Not running any more, and some teachers were never reached. */
    public boolean interrupted() {
        return !running && done < total;
    }

    public String resumePage() {
        return page + "/resume";
    }
}
