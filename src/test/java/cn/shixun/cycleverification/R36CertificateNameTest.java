package cn.shixun.cycleverification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** the public verification page shows the holder's name partly hidden. */
class R36CertificateNameTest {

    @Test
    void R36_aNameIsMaskedBetweenItsFirstAndLastCharacter() {
        assertThat(Certificate.mask("王丽")).isEqualTo("王*");
        assertThat(Certificate.mask("张晓明")).isEqualTo("张*明");
        assertThat(Certificate.mask("欧阳文海")).isEqualTo("欧**海");
        assertThat(Certificate.mask("李")).isEqualTo("李");
        assertThat(Certificate.mask("")).isEmpty();
    }
}
