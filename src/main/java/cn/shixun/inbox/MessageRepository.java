package cn.shixun.inbox;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MessageRepository extends JpaRepository<Message, Long> {

    Page<Message> findByRecipientOrderByIdDesc(String recipient, Pageable page);

    /** The header's count: one range of {@code ix_inbox_message_unread}. */
    long countByRecipientAndReadAtIsNull(String recipient);

    Optional<Message> findByIdAndRecipient(Long id, String recipient);

    boolean existsByRecipientAndOnceKey(String recipient, String onceKey);

    @Modifying
    @Query("update Message m set m.readAt = :now where m.recipient = :recipient and m.readAt is null")
    int readAll(@Param("recipient") String recipient, @Param("now") Instant now);

    @Query("select m.id from Message m where m.mailState = cn.shixun.inbox.MailState.PENDING"
            + " and m.mailNextTryAt <= :now order by m.mailNextTryAt, m.id")
    List<Long> mailDue(@Param("now") Instant now, Pageable limit);

    /** The claim: the row's lock, held by the transaction that sends its mail (docs/adr/0008). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from Message m where m.id = :id")
    Optional<Message> lockById(@Param("id") Long id);
}
