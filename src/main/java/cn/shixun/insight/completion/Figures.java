package cn.shixun.insight.completion;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The counts of one school or of a group of schools: teachers counted (met + short + exempt),
 * and those on file but not counted (docs/insight.md says who). The rate is the share of
 * counted teachers not short; R-38 flags a school where 10% or more of them are short.
 */
record Figures(int counted, int met, int shortCount, int exempt, int notCounted) {

    static final Figures NONE = new Figures(0, 0, 0, 0, 0);

    Figures plus(Figures other) {
        return new Figures(counted + other.counted, met + other.met, shortCount + other.shortCount,
                exempt + other.exempt, notCounted + other.notCounted);
    }

    /** Percent of counted teachers who met or are exempt, one decimal; null when nobody is counted. */
    public BigDecimal rate() {
        return percent(met + exempt);
    }

    /** Percent of counted teachers who are short, one decimal; null when nobody is counted. */
    public BigDecimal shortShare() {
        return percent(shortCount);
    }

    /**
     * R-38 (Kunming 第十八条): "当年有10%及以上的教师未完成规定学时" — 10% or more of the counted teachers
     * short. Compared in whole numbers (short × 10 ≥ counted), so exactly 10% is flagged.
     */
    public boolean belowR38() {
        return counted > 0 && shortCount * 10L >= counted;
    }

    private BigDecimal percent(int part) {
        return counted == 0 ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(counted), 1, RoundingMode.HALF_UP);
    }
}
