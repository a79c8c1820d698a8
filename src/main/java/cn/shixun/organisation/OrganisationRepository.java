package cn.shixun.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrganisationRepository extends JpaRepository<Organisation, Long> {

    Optional<Organisation> findByCode(String code);

    boolean existsByCode(String code);

    List<Organisation> findByParentIdOrderByCode(Long parentId);

    List<Organisation> findByPathStartingWithOrderByCode(String pathPrefix);

    /** Everything whose path starts with {@code pathPrefix}, i.e. the organisation and all below it. */
    List<Organisation> findByLevelAndPathStartingWithOrderByCode(OrganisationLevel level, String pathPrefix);

    /**
     * The schools at or below the organisation with path {@code pathPrefix}, and the schools
     * elsewhere whose registration authority lies there.
     */
    @Query("""
            select s.id from Organisation s
            where s.level = cn.shixun.organisation.OrganisationLevel.SCHOOL
              and (s.path like concat(:pathPrefix, '%')
                   or s.registrationAuthorityId in (select a.id from Organisation a where a.path like concat(:pathPrefix, '%')))""")
    List<Long> schoolIdsCoveredFrom(@Param("pathPrefix") String pathPrefix);

    @Query("""
            select o from Organisation o
            where (:level is null or o.level = :level)
              and (:parentId is null or o.parentId = :parentId)
            order by o.code""")
    List<Organisation> search(@Param("level") OrganisationLevel level, @Param("parentId") Long parentId);
}
