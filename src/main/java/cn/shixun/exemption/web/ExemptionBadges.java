package cn.shixun.exemption.web;

import cn.shixun.exemption.DegreeExemption;
import cn.shixun.tasks.CaseProgress;

/** The badge an application's status wears on the exemption pages: the teacher's list and the case page. */
final class ExemptionBadges {

    private ExemptionBadges() {
    }

    /** Exempted, refused, back with the teacher (a submission step open), or with a reviewer. */
    static String of(DegreeExemption exemption, CaseProgress progress) {
        return switch (exemption.status()) {
            case EXEMPTED -> "badge-ok";
            case REJECTED, CREDIT_REFUSED -> "badge-overdue";
            case OPEN -> progress.awaitsSubmission() ? "badge-escalated" : "badge-open";
        };
    }
}
