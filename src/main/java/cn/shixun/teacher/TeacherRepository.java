package cn.shixun.teacher;

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

    /** Teachers of one school (optional) whose name contains or whose staff number starts with {@code q} (optional). */
    @Query("""
            select t from Teacher t
            where (:schoolId is null or t.schoolId = :schoolId)
              and (:q is null or t.name like concat('%', :q, '%') or t.staffNumber like concat(:q, '%'))""")
    Page<Teacher> search(@Param("schoolId") Long schoolId, @Param("q") String q, Pageable pageable);
}
