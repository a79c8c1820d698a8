package cn.shixun.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The uploaded name becomes a display name only: no path, no control characters, no "..", bounded length. */
class FileNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "../../etc/passwd.pdf | passwd.pdf",
            "..\\..\\win.ini      | win.ini.pdf",
            "/etc/passwd          | passwd.pdf",
            "a/../../b.pdf        | b.pdf",
            "C:\\Users\\李\\毕业证.PDF | 毕业证.PDF",
            "..                   | 证明材料.pdf",
            "....pdf              | 证明材料.pdf",
            "a..b.pdf             | a.b.pdf",
            "' .pdf'              | 证明材料.pdf",
            "毕业证书              | 毕业证书.pdf",
            "scan.jpg             | scan.jpg.pdf"})
    void pathTraversalAndOddNames_keepOnlyASafeBaseName(String submitted, String stored) {
        assertThat(FileNames.sanitise(submitted, EvidenceType.PDF)).isEqualTo(stored);
    }

    @Test
    void controlCharacters_nulCrLfAndBidiOverrides_areDropped() {
        assertThat(FileNames.sanitise("evil\r\nSet-Cookie: a=b.pdf", EvidenceType.PDF)).isEqualTo("evilSet-Cookie: a=b.pdf");
        assertThat(FileNames.sanitise("scan.pdf\u0000.exe", EvidenceType.PDF)).isEqualTo("scan.pdf.exe.pdf");
        assertThat(FileNames.sanitise("证书\u202Efdp.exe", EvidenceType.PDF)).isEqualTo("证书fdp.exe.pdf");
        assertThat(FileNames.sanitise("tab\there\u007F.pdf", EvidenceType.PDF)).isEqualTo("tabhere.pdf");
    }

    @Test
    void missingOrBlankName_fallsBackToTheDefaultWithTheDetectedExtension() {
        assertThat(FileNames.sanitise(null, EvidenceType.JPEG)).isEqualTo("证明材料.jpg");
        assertThat(FileNames.sanitise("", EvidenceType.PNG)).isEqualTo("证明材料.png");
        assertThat(FileNames.sanitise("\r\n", EvidenceType.PDF)).isEqualTo("证明材料.pdf");
        assertThat(FileNames.sanitise("photo.JPEG", EvidenceType.JPEG)).isEqualTo("photo.JPEG");
    }

    @Test
    void aFiveHundredCharacterName_isCutTo100KeepingTheExtension() {
        String stored = FileNames.sanitise("证".repeat(500) + ".pdf", EvidenceType.PDF);
        assertThat(stored).hasSize(FileNames.MAX_LENGTH).endsWith("证.pdf");
        // Characters outside the BMP count as one each and are never split.
        String emoji = FileNames.sanitise("😀".repeat(200) + ".png", EvidenceType.PNG);
        assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(emoji).endsWith("😀.png");
    }

    @Test
    void typesAreRecognisedByTheirFirstBytesOnly() {
        assertThat(EvidenceType.detect(SamplePdf.withText("x"))).contains(EvidenceType.PDF);
        assertThat(EvidenceType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0})).contains(EvidenceType.JPEG);
        assertThat(EvidenceType.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).contains(EvidenceType.PNG);
        assertThat(EvidenceType.detect("<html><script>alert(1)</script>".getBytes())).isEmpty();
        assertThat(EvidenceType.detect(new byte[] {'M', 'Z', (byte) 0x90, 0})).isEmpty();
        assertThat(EvidenceType.detect(" %PDF-1.4".getBytes())).isEmpty();
        assertThat(EvidenceType.detect(new byte[] {'%', 'P'})).isEmpty();
        assertThat(EvidenceType.detect(new byte[0])).isEmpty();
    }
}
