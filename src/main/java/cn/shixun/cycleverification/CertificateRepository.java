package cn.shixun.cycleverification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CertificateRepository extends JpaRepository<Certificate, Long> {

    Optional<Certificate> findByNumber(String number);

    Optional<Certificate> findByVerificationId(Long verificationId);

    List<Certificate> findByTeacherIdOrderByIssuedOnDesc(Long teacherId);
}
