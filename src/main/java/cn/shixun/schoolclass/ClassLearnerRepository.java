package cn.shixun.schoolclass;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClassLearnerRepository extends JpaRepository<ClassLearner, Long> {

    List<ClassLearner> findByClassIdOrderByIdAsc(Long classId);
}
