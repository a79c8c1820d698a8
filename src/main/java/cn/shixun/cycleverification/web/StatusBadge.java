package cn.shixun.cycleverification.web;

import cn.shixun.cycleverification.VerificationStatus;
import cn.shixun.tasks.CaseProgress;

/** The colour of a verification's status on the pages: open (back with the school stands out), certified, or not. */
final class StatusBadge {

    private StatusBadge() {
    }

    static String of(VerificationStatus status, CaseProgress progress) {
        return switch (status) {
            case OPEN -> progress.awaitsSubmission() ? "badge badge-overdue" : "badge badge-open";
            case CERTIFIED -> "badge badge-ok";
            case REJECTED, CERTIFICATE_REFUSED -> "badge badge-muted";
        };
    }
}
