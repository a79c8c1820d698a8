package cn.shixun.teacher;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TeacherRepository extends JpaRepository<Teacher, Long> {

    Optional<Teacher> findByStaffNumber(String staffNumber);

    boolean existsByStaffNumber(String staffNumber);

    List<Teacher> findBySchoolIdOrderByStaffNumber(Long schoolId);

    /**
     * The teachers at {@code schoolId} now who were already there at the end of {@code date}: no
     * transfer after the date (served by the school index; the other half is {@link #findMovedAwayAfter}).
     */
    @Query("""
            select t from Teacher t
            where t.schoolId = :schoolId and t.hireDate <= :date and not exists (
                select m from TeacherTransfer m where m.teacherId = t.id and m.effectiveOn > :date)""")
    List<Teacher> findStayedSince(@Param("schoolId") Long schoolId, @Param("date") LocalDate date);

    /** The teachers whose first transfer after {@code date} took them away from {@code schoolId}. */
    @Query("""
            select t from Teacher t, TeacherTransfer m
            where m.teacherId = t.id and m.fromSchoolId = :schoolId and m.effectiveOn > :date and t.hireDate <= :date
              and not exists (
                select e from TeacherTransfer e where e.teacherId = t.id and e.effectiveOn > :date
                  and (e.effectiveOn < m.effectiveOn or e.effectiveOn = m.effectiveOn and e.id < m.id))""")
    List<Teacher> findMovedAwayAfter(@Param("schoolId") Long schoolId, @Param("date") LocalDate date);

    /**
     * Teachers of the visible schools, optionally of one school, optionally only one teacher,
     * whose name contains or whose staff number starts with {@code q} (optional). {@code q} comes
     * with LIKE's wildcards escaped by {@code !}, so that a typed {@code %} or {@code _} is a character.
     */
    @Query("""
            select t from Teacher t
            where t.schoolId in :visibleSchools
              and (:schoolId is null or t.schoolId = :schoolId)
              and (:onlyTeacherId is null or t.id = :onlyTeacherId)
              and (:q is null or t.name like concat('%', :q, '%') escape '!' or t.staffNumber like concat(:q, '%') escape '!')""")
    Page<Teacher> search(@Param("visibleSchools") Collection<Long> visibleSchools, @Param("schoolId") Long schoolId,
                         @Param("onlyTeacherId") Long onlyTeacherId, @Param("q") String q, Pageable pageable);
}
