package cn.shixun.exemption;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExemptionEventRepository extends JpaRepository<ExemptionEvent, Long> {

    List<ExemptionEvent> findByExemptionIdOrderByIdAsc(Long exemptionId);
}
