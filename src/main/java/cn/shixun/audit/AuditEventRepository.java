package cn.shixun.audit;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/**
 * Append and read, nothing else: deliberately a plain {@link Repository}, not a
 * {@code CrudRepository} or {@code JpaSpecificationExecutor}, which would bring delete methods.
 * Searches go through {@link AuditSearch}.
 */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    Optional<AuditEvent> findById(Long id);

    long count();
}
