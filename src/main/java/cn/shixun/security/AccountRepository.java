package cn.shixun.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);

    List<Account> findByRoleAndOrganisationIdAndEnabledTrue(Role role, Long organisationId);

    List<Account> findByRoleAndEnabledTrue(Role role);

    List<Account> findByTeacherIdAndEnabledTrue(Long teacherId);
}
