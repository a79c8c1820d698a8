package cn.shixun.annual.web;

import cn.shixun.annual.RegistrationStatus;

/** The badge a registration's status wears on the annual pages: the school's list, a batch, a card. */
final class AnnualBadges {

    private AnnualBadges() {
    }

    static String of(RegistrationStatus status) {
        return switch (status) {
            case PUBLISHED -> "badge badge-ok";
            case RETURNED -> "badge badge-overdue";
            case REJECTED, REFUSED -> "badge badge-muted";
            default -> "badge badge-open";
        };
    }
}
