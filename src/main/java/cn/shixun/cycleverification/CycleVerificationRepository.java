package cn.shixun.cycleverification;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CycleVerificationRepository extends JpaRepository<CycleVerification, Long> {

    List<CycleVerification> findByBatchIdOrderByIdAsc(Long batchId);

    List<CycleVerification> findByTeacherIdOrderByIdAsc(Long teacherId);

    List<CycleVerification> findByTeacherIdInOrderByIdAsc(Collection<Long> teacherIds);

    /** The verification, locked until the transaction ends: the claim that keeps two workers off one start. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from CycleVerification v where v.id = ?1")
    Optional<CycleVerification> lockById(Long id);

    /** The queue of a batch: not started, and not failed (a failure waits for the school's retry). */
    @Query("select v.id from CycleVerification v where v.batchId = ?1 and v.lifecycle.processInstanceId is null"
            + " and v.startFailure is null order by v.id")
    List<Long> pendingIds(Long batchId, Limit limit);

    @Query("select distinct v.batchId from CycleVerification v where v.lifecycle.processInstanceId is null"
            + " and v.startFailure is null")
    List<Long> batchesWithPending();

    @Query("select count(v) from CycleVerification v where v.batchId = ?1 and v.lifecycle.processInstanceId is null"
            + " and v.startFailure is null")
    long countPending(Long batchId);

    @Query("select count(v) from CycleVerification v where v.batchId = ?1 and v.lifecycle.processInstanceId is not null")
    long countStarted(Long batchId);

    @Query("select count(v) from CycleVerification v where v.batchId = ?1 and v.lifecycle.processInstanceId is null"
            + " and v.startFailure is not null")
    long countStartFailed(Long batchId);
}
