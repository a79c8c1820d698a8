package cn.shixun.exemption;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DegreeExemptionRepository extends JpaRepository<DegreeExemption, Long> {

    List<DegreeExemption> findByCertificateKey(String certificateKey);

    List<DegreeExemption> findByTeacherIdOrderByLifecycleCreatedAtDescIdDesc(Long teacherId);
}
