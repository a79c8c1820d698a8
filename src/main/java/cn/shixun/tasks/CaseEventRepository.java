package cn.shixun.tasks;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Append and read only: there is deliberately no update or delete. */
interface CaseEventRepository extends Repository<CaseEvent, Long> {

    CaseEvent save(CaseEvent event);

    List<CaseEvent> findByProcessKeyAndCaseIdOrderByIdAsc(String processKey, String caseId);
}
