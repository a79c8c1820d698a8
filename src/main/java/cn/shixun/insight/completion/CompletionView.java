package cn.shixun.insight.completion;

import cn.shixun.shared.BusinessRuleException;
import java.time.LocalDate;

/**
 * What a table shows: a year and a basis, and the date the figures are for — today in the
 * current year, 31 December in a past one. Built from request parameters, refused with the field
 * named (400) for a year that is not a number, before 2000 or not begun yet, or an unknown basis.
 */
record CompletionView(int year, Basis basis, LocalDate asOf, boolean currentYear) {

    static final int FIRST_YEAR = 2000;

    static CompletionView of(String year, String basis, LocalDate today) {
        int y = today.getYear();
        if (year != null && !year.isBlank()) {
            try {
                y = Integer.parseInt(year.trim());
            } catch (NumberFormatException notANumber) {
                throw BusinessRuleException.malformed("year", "completion.year-invalid", year);
            }
        }
        if (y < FIRST_YEAR || y > today.getYear()) {
            throw BusinessRuleException.malformed("year", "completion.year-out-of-range", y, FIRST_YEAR, today.getYear());
        }
        Basis b = basis == null || basis.isBlank() ? Basis.YEAR : Basis.parse(basis.trim());
        if (b == null) {
            throw BusinessRuleException.malformed("basis", "completion.basis-invalid", basis);
        }
        boolean current = y == today.getYear();
        return new CompletionView(y, b, current ? today : LocalDate.of(y, 12, 31), current);
    }

    /** R-38 judges a school by the year's duties only: a cycle table flags nobody. */
    public boolean flags(Figures schoolFigures) {
        return basis == Basis.YEAR && schoolFigures.belowR38();
    }

    /** Whether a school's year-end snapshot answers for this view (a past year's yearly table, R-38). */
    public boolean fromSnapshots() {
        return !currentYear && basis == Basis.YEAR;
    }
}
