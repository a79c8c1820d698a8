package cn.shixun.ledger.web;

import cn.shixun.ledger.LedgerEntry;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.policy.ClaimKind;
import cn.shixun.policy.HourCategory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the hours page shows, prepared for the template: numbers as people write them (24, not
 * 24.00), progress as a percentage, entries newest first with each reversal and the entry it
 * cancels linked both ways.
 */
record HoursView(TeacherStatus status, String yearTotal, String cycleTotal, List<Total> totals,
                 List<RequirementRow> requirements, List<EntryRow> entries) {

    /** Hours of one category this year and in the current cycle. */
    record Total(HourCategory category, String year, String cycle) {
    }

    /**
     * One requirement with its bar: {@code percent} is 0..100. {@code counting} names the kinds of training that
     * would count toward a requirement not met; empty when it is met or counts every kind (all hours).
     */
    record RequirementRow(TeacherStatus.RequirementStatus requirement, String required, String credited,
                          String missing, int percent, List<ClaimKind> counting) {
    }

    /**
     * One ledger line. {@code reversesEntryId} is set on a reversal (冲正), {@code reversedById}
     * on the entry a reversal cancels.
     */
    record EntryRow(Long id, LocalDate date, String title, HourCategory category, String hours, boolean negative,
                    List<String> ruleIds, String evidenceNumber, String decidedBy, Long reversesEntryId,
                    Long reversedById, String explanation) {
    }

    static HoursView of(TeacherStatus status, List<LedgerEntry> oldestFirst,
                        Map<HourCategory, List<ClaimKind>> countingKinds) {
        if (status == null) {
            return new HoursView(null, null, null, List.of(), List.of(), entries(oldestFirst));
        }
        return new HoursView(status, plain(status.yearTotal()), plain(status.cycleTotal()), totals(status),
                status.requirements().stream().map(r -> row(r, countingKinds)).toList(), entries(oldestFirst));
    }

    /** Hours without trailing zeros: 24, 12.5, -8. */
    static String plain(BigDecimal hours) {
        return hours == null ? "0" : hours.stripTrailingZeros().toPlainString();
    }

    /** Every category with hours this year or in the cycle, in the enum's order. */
    private static List<Total> totals(TeacherStatus status) {
        Set<HourCategory> categories = EnumSet.noneOf(HourCategory.class);
        categories.addAll(status.yearTotals().keySet());
        categories.addAll(status.cycleTotals().keySet());
        return categories.stream()
                .map(c -> new Total(c, plain(status.yearTotals().get(c)), plain(status.cycleTotals().get(c))))
                .toList();
    }

    private static RequirementRow row(TeacherStatus.RequirementStatus r,
                                      Map<HourCategory, List<ClaimKind>> countingKinds) {
        int percent;
        if (r.met() || r.required().signum() == 0) {
            percent = 100;
        } else {
            percent = r.credited().max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(100))
                    .divide(r.required(), 0, RoundingMode.DOWN).min(BigDecimal.valueOf(100)).intValue();
        }
        List<ClaimKind> counting = r.met() || r.category() == null ? List.of()
                : countingKinds.getOrDefault(r.category(), List.of());
        return new RequirementRow(r, plain(r.required()), plain(r.credited()), plain(r.missing()), percent, counting);
    }

    private static List<EntryRow> entries(List<LedgerEntry> oldestFirst) {
        Map<Long, Long> reversedBy = new HashMap<>();
        oldestFirst.stream().filter(e -> e.reversesEntryId() != null)
                .forEach(e -> reversedBy.put(e.reversesEntryId(), e.getId()));
        List<EntryRow> rows = new ArrayList<>();
        for (LedgerEntry e : oldestFirst) {
            rows.add(new EntryRow(e.getId(), e.entryDate(), e.title(), e.category(), plain(e.hours()),
                    e.hours().signum() < 0, e.ruleIds(), e.evidenceNumber(), e.decidedBy(), e.reversesEntryId(),
                    reversedBy.get(e.getId()), e.explanation()));
        }
        rows.sort(Comparator.comparing(EntryRow::date).thenComparing(EntryRow::id).reversed());
        return rows;
    }
}
