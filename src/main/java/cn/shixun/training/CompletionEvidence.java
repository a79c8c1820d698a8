package cn.shixun.training;

import java.math.BigDecimal;

/**
 * What the teacher submits after the training: the certificate's number and kind, the hours it
 * states or, where it states none, the days attended, and the scan. The hours credited are the
 * policy calculator's, never these figures as such.
 */
public record CompletionEvidence(String certificateNumber, CertificateKind certificateKind, BigDecimal statedHours,
                                 Integer statedDays, String certificateFile) {
}
