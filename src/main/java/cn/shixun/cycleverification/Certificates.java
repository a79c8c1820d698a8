package cn.shixun.cycleverification;

import cn.shixun.organisation.Organisations;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teachers;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration certificates: issued once per completed verification, looked up by
 * their holder and verified by anyone who has both the number and the check code.
 */
@Service
@Transactional(readOnly = true)
public class Certificates {

    /** No 0/O, 1/I: a check code is read off paper and typed in. */
    private static final String CHECK_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CHECK_LENGTH = 8;

    private final CertificateRepository certificates;
    private final Teachers teachers;
    private final Organisations organisations;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    Certificates(CertificateRepository certificates, Teachers teachers, Organisations organisations, Clock clock) {
        this.clock = clock;
        this.certificates = certificates;
        this.teachers = teachers;
        this.organisations = organisations;
    }

    /**
     * Issues the certificate of a completed verification, dated today (Beijing), and restarts
     * a per-teacher cycle from it. Issuing again returns the certificate already issued.
     */
    @Transactional
    Certificate issue(CycleVerification verification) {
        Optional<Certificate> earlier = certificates.findByVerificationId(verification.getId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        LocalDate today = LocalDate.now(clock);
        Certificate certificate = certificates.saveAndFlush(new Certificate("P" + UUID.randomUUID().toString().replace("-", ""), checkCode(),
                verification, teachers.require(verification.teacherId()).name(),
                organisations.require(verification.schoolId(), "schoolId").name(), today, Instant.now()));
        String school = organisations.require(verification.schoolId(), "schoolId").code();
        // Year of issue, province (the division code's first two digits), sequence: 2026 41 0000012.
        // Public and guessable on purpose: the check code is what proves a certificate.
        String province = school.matches("\\d{2}.*") ? school.substring(0, 2) : "00";
        certificate.numbered("%d%s%07d".formatted(today.getYear(), province, certificate.getId()));
        teachers.recordCertificateIssued(verification.teacherId(), today);
        return certificate;
    }

    /**
     * The certificate if number and check code belong together, else empty: a wrong code and an
     * unknown number look the same, so the page tells nobody which numbers exist.
     */
    public Optional<Certificate> verify(String number, String checkCode) {
        if (number == null || checkCode == null || number.isBlank() || checkCode.isBlank()) {
            return Optional.empty();
        }
        Optional<Certificate> found = certificates.findByNumber(number.strip());
        String given = checkCode.strip().toUpperCase(Locale.ROOT);
        return found.filter(certificate -> MessageDigest.isEqual(
                certificate.checkCode().getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII)));
    }

    public Optional<Certificate> ofVerification(Long verificationId) {
        return certificates.findByVerificationId(verificationId);
    }

    public List<Certificate> ofTeacher(Long teacherId) {
        return certificates.findByTeacherIdOrderByIssuedOnDesc(teacherId);
    }

    public Certificate require(String number) {
        return certificates.findByNumber(number)
                .orElseThrow(() -> BusinessRuleException.notFound("number", "cycleverification.certificate-not-found", number));
    }

    private String checkCode() {
        StringBuilder code = new StringBuilder(CHECK_LENGTH);
        for (int i = 0; i < CHECK_LENGTH; i++) {
            code.append(CHECK_ALPHABET.charAt(random.nextInt(CHECK_ALPHABET.length())));
        }
        return code.toString();
    }
}
