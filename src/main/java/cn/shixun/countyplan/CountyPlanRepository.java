package cn.shixun.countyplan;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CountyPlanRepository extends JpaRepository<CountyPlan, Long> {

    List<CountyPlan> findByCountyIdAndYear(Long countyId, int year);

    List<CountyPlan> findByCountyIdOrderByYearDescIdDesc(Long countyId);

    Page<CountyPlan> findByCountyIdInOrderByYearDescIdDesc(Collection<Long> countyIds, Pageable page);
}
