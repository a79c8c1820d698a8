package cn.shixun.ledger;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LedgerEntryRepository extends JpaRepository<LedgerEntry, Long> {

    List<LedgerEntry> findByTeacherIdOrderByEntryDateAscIdAsc(Long teacherId);

    @Query("select coalesce(sum(e.hours), 0) from LedgerEntry e"
            + " where e.teacherId = :teacherId and e.claimKind = :kind and e.entryYear = :year")
    BigDecimal netHours(@Param("teacherId") Long teacherId, @Param("kind") String kind, @Param("year") int year);

    @Query("select coalesce(sum(e.units), 0) from LedgerEntry e where e.teacherId = :teacherId and e.claimKind = :kind")
    long netUnits(@Param("teacherId") Long teacherId, @Param("kind") String kind);

    /** Entries with this evidence (its {@link EvidenceNumbers#key}) that no later entry has reversed. */
    @Query("select e from LedgerEntry e where e.teacherId = :teacherId and e.evidenceNorm = :norm"
            + " and e.reversesEntryId is null"
            + " and not exists (select r.id from LedgerEntry r where r.reversesEntryId = e.id)")
    List<LedgerEntry> liveWithEvidence(@Param("teacherId") Long teacherId, @Param("norm") String evidenceNorm);

    @Query("select count(e) from LedgerEntry e where e.teacherId = :teacherId and e.evidenceNorm = :norm"
            + " and e.evidenceKey is not null")
    long keyedWithEvidence(@Param("teacherId") Long teacherId, @Param("norm") String evidenceNorm);

    /** Entries (not reversals) written for this teacher from this source and evidence (its key), oldest first. */
    @Query("select e from LedgerEntry e where e.teacherId = :teacherId and e.sourceType = :type"
            + " and e.sourceRef = :ref and e.evidenceNorm = :norm and e.reversesEntryId is null order by e.id")
    List<LedgerEntry> writtenFrom(@Param("teacherId") Long teacherId, @Param("type") SourceType type,
                                  @Param("ref") String sourceRef, @Param("norm") String evidenceNorm);

    boolean existsByReversesEntryId(Long entryId);

    boolean existsByTeacherIdAndEvidenceKey(Long teacherId, String evidenceKey);

    /**
     * Serialises writes for one teacher until the transaction ends, so that two registrations
     * at once cannot both fit under the same yearly cap. Only a row lock; the teacher row is
     * not changed.
     */
    @Query(value = "SELECT id FROM teacher WHERE id = :teacherId FOR UPDATE", nativeQuery = true)
    Long lockTeacher(@Param("teacherId") Long teacherId);
}
