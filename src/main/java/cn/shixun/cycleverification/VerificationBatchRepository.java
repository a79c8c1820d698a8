package cn.shixun.cycleverification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface VerificationBatchRepository extends JpaRepository<VerificationBatch, Long> {

    Optional<VerificationBatch> findBySchoolIdAndRequestId(Long schoolId, String requestId);

    List<VerificationBatch> findBySchoolIdOrderByIdDesc(Long schoolId);
}
