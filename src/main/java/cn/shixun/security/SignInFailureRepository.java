package cn.shixun.security;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SignInFailureRepository extends JpaRepository<SignInFailure, String> {

    /** The row, locked until the transaction ends: two nodes counting the same failure wait for each other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from SignInFailure f where f.subject = :subject")
    Optional<SignInFailure> findForUpdate(@Param("subject") String subject);

    @Modifying
    @Query("delete from SignInFailure f where f.subject = :subject")
    int deleteBySubject(@Param("subject") String subject);

    /** Rows whose last failure no longer counts for anything and which refuse nothing any more. */
    @Modifying
    @Query("delete from SignInFailure f where f.lastFailureAt < :before and (f.blockedUntil is null or f.blockedUntil < :now)")
    int deleteExpired(@Param("before") Instant before, @Param("now") Instant now);
}
