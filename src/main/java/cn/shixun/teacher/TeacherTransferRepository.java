package cn.shixun.teacher;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TeacherTransferRepository extends JpaRepository<TeacherTransfer, Long> {

    List<TeacherTransfer> findByTeacherIdOrderByEffectiveOnAscIdAsc(Long teacherId);
}
