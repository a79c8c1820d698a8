package cn.shixun.insight.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.shared.BusinessRuleException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The year and basis of a completion table: the date the figures are for, and bad input refused with the field named. */
class CompletionViewTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 10, 15);

    @Test
    void theCurrentYearIsAsOfTodayAndAPastYearAsOfItsLastDay() {
        assertThat(CompletionView.of(null, null, TODAY)).isEqualTo(new CompletionView(2026, Basis.YEAR, TODAY, true));
        CompletionView past = CompletionView.of("2025", "cycle", TODAY);
        assertThat(past.asOf()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(past.basis()).isEqualTo(Basis.CYCLE);
        assertThat(past.fromSnapshots()).isFalse();
        assertThat(CompletionView.of("2025", "YEAR", TODAY).fromSnapshots()).isTrue();
    }

    @Test
    void aYearThatIsNotANumberNotBegunOrBefore2000IsRefusedOnFieldYear() {
        for (String year : new String[] {"20x5", "2027", "1999"}) {
            assertThatThrownBy(() -> CompletionView.of(year, null, TODAY))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.field()).isEqualTo("year"));
        }
    }

    @Test
    void anUnknownBasisIsRefusedOnFieldBasis() {
        assertThatThrownBy(() -> CompletionView.of("2026", "decade", TODAY))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.field()).isEqualTo("basis"));
    }

    @Test
    void r38_onlyTheYearTableFlagsASchool() {
        Figures tenPercentShort = new Figures(10, 9, 1, 0, 0);

        assertThat(CompletionView.of("2026", "YEAR", TODAY).flags(tenPercentShort)).isTrue();
        assertThat(CompletionView.of("2026", "CYCLE", TODAY).flags(tenPercentShort)).isFalse();
    }
}
