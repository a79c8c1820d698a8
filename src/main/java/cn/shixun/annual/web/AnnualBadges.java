package cn.shixun.annual.web;

import cn.shixun.annual.RegistrationStatus;
import cn.shixun.tasks.CaseProgress;

/** The badge a registration's status wears on the annual pages: the school's list, a batch, a card. */
final class AnnualBadges {

    private AnnualBadges() {
    }

    /** Published, closed, back with whoever submits it (a submission step open), or with a reviewer. */
    static String of(RegistrationStatus status, CaseProgress progress) {
        return switch (status) {
            case PUBLISHED -> "badge badge-ok";
            case REJECTED, REFUSED -> "badge badge-muted";
            case OPEN -> progress.awaitsSubmission() ? "badge badge-overdue" : "badge badge-open";
        };
    }
}
