package cn.shixun.schoolclass;

import java.util.Collection;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface SchoolClassRepository extends JpaRepository<SchoolClass, Long> {

    Page<SchoolClass> findBySchoolIdIn(Collection<Long> schoolIds, Pageable pageable);
}
