package cn.shixun.training;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExternalTrainingRepository extends JpaRepository<ExternalTraining, Long> {

    List<ExternalTraining> findByTeacherId(Long teacherId);

    List<ExternalTraining> findByCertificateNumber(String certificateNumber);
}
