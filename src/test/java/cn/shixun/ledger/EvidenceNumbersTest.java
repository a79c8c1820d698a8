package cn.shixun.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** the spellings of one certificate number that a person or a pasted text produces share one key. */
class EvidenceNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"ABC-1", "abc-1", "ＡＢＣ-1", "ＡＢＣ－１", "ABC\u200b-1", "A\u200cB\u200dC\u2060-1", "\ufeffABC-1",
        " ABC-1 ", "ABC - 1", "ABC\u3000-1", "ABC\u00a0-1", "ABC\u20131", "ABC\u00ad-1", "Abc\t-1\n"})
    void R40_caseFullWidthFormsInvisibleCharactersSpacesAndDashesMakeNoNewCertificate(String typed) {
        assertThat(EvidenceNumbers.key(typed)).isEqualTo("ABC-1");
        assertThat(EvidenceNumbers.same(typed, "abc-1")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC-2", "ABD-1", "ABC1", "ABC-10", "ABC_1"})
    void R40_anyOtherCharacterIsAnotherCertificate(String typed) {
        assertThat(EvidenceNumbers.same(typed, "ABC-1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u200b", "\ufeff\u2060", "\u3000"})
    void R40_aNumberOfNothingButInvisibleCharactersHasAnEmptyKey(String typed) {
        assertThat(EvidenceNumbers.key(typed)).isEmpty();
    }

    @Test
    void chineseNumbersKeepTheirCharactersAndLoseOnlyTheirSpellingVariants() {
        assertThat(EvidenceNumbers.key("豫教〔２０２４〕12号")).isEqualTo("豫教〔2024〕12号");
        assertThat(EvidenceNumbers.key(null)).isEmpty();
    }
}
