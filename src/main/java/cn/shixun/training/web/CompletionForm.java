package cn.shixun.training.web;

import cn.shixun.training.CertificateKind;
import cn.shixun.training.CompletionEvidence;
import java.math.BigDecimal;

/**
 * The completion evidence as typed, so that a refused form comes back with it. The scan is a new
 * upload (multipart part {@code certificateScan}) or {@code existingFile}, one of the teacher's
 * evidence files.
 */
record CompletionForm(String certificateNumber, CertificateKind certificateKind, BigDecimal statedHours,
                      Integer statedDays, String existingFile) {

    static CompletionForm empty() {
        return new CompletionForm(null, null, null, null, null);
    }

    /** The evidence submitted before, for the amendment after a return; empty before the first submission. */
    static CompletionForm of(CompletionEvidence evidence) {
        if (evidence == null) {
            return empty();
        }
        // 24, not the column's 24.00, in the number field.
        BigDecimal hours = evidence.statedHours() == null ? null
                : new BigDecimal(evidence.statedHours().stripTrailingZeros().toPlainString());
        return new CompletionForm(evidence.certificateNumber(), evidence.certificateKind(), hours,
                evidence.statedDays(), evidence.certificateFile());
    }

    CompletionEvidence toEvidence(String certificateFile) {
        return new CompletionEvidence(certificateNumber, certificateKind, statedHours, statedDays, certificateFile);
    }
}
