package cn.shixun.teacher;

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
