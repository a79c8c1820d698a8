package cn.shixun.training;

import cn.shixun.shared.BusinessRuleException;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExternalTrainingRepository extends JpaRepository<ExternalTraining, Long> {

    List<ExternalTraining> findByTeacherId(Long teacherId);

    List<ExternalTraining> findByTeacherIdOrderByLifecycleCreatedAtDescIdDesc(Long teacherId);

    Page<ExternalTraining> findBySchoolIdOrderByLifecycleCreatedAtDescIdDesc(Long schoolId, Pageable page);

    List<ExternalTraining> findByCertificateKey(String certificateKey);

    default ExternalTraining require(Long id) {
        return findById(id).orElseThrow(() -> BusinessRuleException.notFound("id", "training.not-found", id));
    }
}
