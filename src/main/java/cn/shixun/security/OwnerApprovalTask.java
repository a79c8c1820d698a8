package cn.shixun.security;

import java.util.function.Supplier;

/**
 * The one engine task a process owner may complete (ADR 0012 §2 "Publication", ADR 0009's gate):
 * the second owner's approval of a publication, and only while the console's publication service
 * completes it, after its own checks (not the submitter, the draft unchanged) have passed and its
 * decision is recorded. Any other task command of a process owner, and this one through
 * {@code /engine-rest}, is refused by the {@link EngineGate}.
 */
public final class OwnerApprovalTask {

    /** The publication procedure ({@code processes/policyPublication.bpmn}). */
    public static final String PROCESS_KEY = "policyPublication";
    /** Its approval step, offered to the process owners' group. */
    public static final String TASK_KEY = "UserTask_SecondOwnerApproval";

    private static final ThreadLocal<String> COMPLETING = new ThreadLocal<>();

    private OwnerApprovalTask() {
    }

    /** Runs {@code completion}, which completes task {@code taskId} on this thread, as the publication service's. */
    public static <T> T completing(String taskId, Supplier<T> completion) {
        COMPLETING.set(taskId);
        try {
            return completion.get();
        } finally {
            COMPLETING.remove();
        }
    }

    /** Whether the publication service is completing this task on this thread. */
    static boolean isCompleting(String taskId) {
        return taskId != null && taskId.equals(COMPLETING.get());
    }
}
