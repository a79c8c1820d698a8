package cn.shixun.organisation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TrainingProviderRepository extends JpaRepository<TrainingProvider, Long> {

    boolean existsByName(String name);

    List<TrainingProvider> findAllByOrderById();
}
