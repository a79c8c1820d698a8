package cn.shixun.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);

    List<Account> findByRoleAndOrganisationIdAndEnabledTrue(Role role, Long organisationId);

    List<Account> findByRoleAndEnabledTrue(Role role);

    List<Account> findByTeacherIdAndEnabledTrue(Long teacherId);

    /**
     * Accounts whose organisation (a teacher's: the teacher's school) lies at or below {@code pathPrefix}, or all
     * for a null prefix; {@code like} (lower case, with its wildcards) matched against username and name.
     */
    @Query(value = """
            select a from Account a
              left join cn.shixun.teacher.Teacher t on t.id = a.teacherId
              left join cn.shixun.organisation.Organisation o on o.id = coalesce(a.organisationId, t.schoolId)
            where (:pathPrefix is null or o.path like concat(:pathPrefix, '%'))
              and (:like is null or lower(a.username) like :like or lower(a.displayName) like :like)
            order by a.username""",
            countQuery = """
            select count(a) from Account a
              left join cn.shixun.teacher.Teacher t on t.id = a.teacherId
              left join cn.shixun.organisation.Organisation o on o.id = coalesce(a.organisationId, t.schoolId)
            where (:pathPrefix is null or o.path like concat(:pathPrefix, '%'))
              and (:like is null or lower(a.username) like :like or lower(a.displayName) like :like)""")
    Page<Account> search(@Param("pathPrefix") String pathPrefix, @Param("like") String like, Pageable pageable);
}
