package cn.shixun.annual;

import jakarta.persistence.LockModeType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AnnualRegistrationRepository extends JpaRepository<AnnualRegistration, Long> {

    /** The live (open or done) registration of a teacher's year, if any. */
    Optional<AnnualRegistration> findByLiveKey(String liveKey);

    List<AnnualRegistration> findByTeacherIdOrderByIdDesc(Long teacherId);

    List<AnnualRegistration> findBySchoolIdAndRegYearOrderByIdAsc(Long schoolId, int year);

    List<AnnualRegistration> findByBatchIdOrderByIdAsc(Long batchId);

    @Query("select r.status, count(r) from AnnualRegistration r where r.batchId = ?1 group by r.status")
    List<Object[]> countByStatusInBatch(Long batchId);
}

interface AnnualBatchRepository extends JpaRepository<AnnualBatch, Long> {

    Optional<AnnualBatch> findBySchoolIdAndRegYear(Long schoolId, int year);
}

interface BatchItemRepository extends JpaRepository<BatchItem, Long> {

    List<BatchItem> findByBatchIdOrderByIdAsc(Long batchId);

    /** The item, locked until the transaction ends: the claim that keeps two workers off one teacher. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from BatchItem i where i.id = ?1")
    Optional<BatchItem> lockById(Long id);

    @Query("select i.id from BatchItem i where i.batchId = ?1 and i.outcome = ?2 order by i.id")
    List<Long> idsByOutcome(Long batchId, BatchItem.Outcome outcome, Limit limit);

    @Query("select distinct i.batchId from BatchItem i where i.outcome = ?1")
    List<Long> batchesWith(BatchItem.Outcome outcome);

    long countByBatchIdAndOutcome(Long batchId, BatchItem.Outcome outcome);

    List<BatchItem> findByBatchIdAndOutcomeOrderByIdAsc(Long batchId, BatchItem.Outcome outcome);

    @Query("select i.outcome, count(i) from BatchItem i where i.batchId = ?1 group by i.outcome")
    List<Object[]> countByOutcome(Long batchId);

    /** The batch's items counted by outcome. */
    default Map<BatchItem.Outcome, Long> outcomes(Long batchId) {
        Map<BatchItem.Outcome, Long> byOutcome = new EnumMap<>(BatchItem.Outcome.class);
        countByOutcome(batchId).forEach(row -> byOutcome.put((BatchItem.Outcome) row[0], (Long) row[1]));
        return byOutcome;
    }
}

/** Card lines are appended, never updated. */
interface CardItemRepository extends Repository<CardItem, Long> {

    CardItem save(CardItem item);

    List<CardItem> findByRegistrationIdAndCardVersionOrderByEntryDateAscLedgerEntryIdAsc(Long registrationId,
                                                                                        int cardVersion);
}

interface ResultLineRepository extends Repository<ResultLine, Long> {

    ResultLine save(ResultLine line);

    List<ResultLine> findByRegistrationIdOrderByIdAsc(Long registrationId);
}
