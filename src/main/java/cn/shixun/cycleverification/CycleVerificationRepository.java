package cn.shixun.cycleverification;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CycleVerificationRepository extends JpaRepository<CycleVerification, Long> {

    List<CycleVerification> findByBatchIdOrderByIdAsc(Long batchId);

    List<CycleVerification> findByTeacherIdAndCycleEnd(Long teacherId, LocalDate cycleEnd);

    List<CycleVerification> findByTeacherIdOrderByIdAsc(Long teacherId);
}
