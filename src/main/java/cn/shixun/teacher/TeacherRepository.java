package cn.shixun.teacher;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TeacherRepository extends JpaRepository<Teacher, Long> {

    Optional<Teacher> findByStaffNumber(String staffNumber);

    List<Teacher> findBySchoolIdOrderByStaffNumber(Long schoolId);
}
