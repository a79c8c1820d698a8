package cn.shixun.policy;

import java.math.BigDecimal;

/**
 * What a teacher has already been credited, as far as caps and unit limits need to know
 * (R-15, R-17..R-20). The ledger answers it; the calculator stays free of persistence.
 */
public interface PriorCredits {

    PriorCredits NONE = new PriorCredits() {
        @Override
        public BigDecimal creditedInYear(ClaimKind kind, int year) {
            return BigDecimal.ZERO;
        }

        @Override
        public int unitsCredited(ClaimKind kind) {
            return 0;
        }
    };

    /** Net hours of this kind credited in this calendar year (reversals subtracted). */
    BigDecimal creditedInYear(ClaimKind kind, int year);

    /** Net units of this kind credited so far (e.g. degree study years, R-15). */
    int unitsCredited(ClaimKind kind);
}
