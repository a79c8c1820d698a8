package cn.shixun.tasks;

/**
 * A bulk declaration with nothing pending any more, as {@link BatchStarts} publishes it in the
 * transaction that found it so: for whoever declared it and waits for the result. Published again
 * after a retry drains the batch again (other counts) and, rarely, twice for the same counts when two
 * workers finish it at once: a listener that writes keeps it once per counts, and does not fail the
 * worker's round for it.
 *
 * @param processKey the procedure, e.g. {@code annualRegistration}
 * @param batchId    the batch
 * @param declaredBy the username who declared it
 * @param started    items started (or found done already)
 * @param refused    items refused, waiting for the school's retry
 * @param page       the batch's page
 */
public record BatchResult(String processKey, Long batchId, String declaredBy, long started, long refused,
                          String page) {
}
