package cn.shixun.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account's e-mail for its notices and whether it wants them there. */
@Entity
@Table(name = "inbox_mail_setting")
class MailSetting {

    @Id
    private String username;

    @Column(nullable = false)
    private String address;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected MailSetting() {
        // for JPA
    }

    MailSetting(String username) {
        this.username = username;
    }

    String address() {
        return address;
    }

    boolean enabled() {
        return enabled;
    }

    void change(String address, boolean enabled, Instant now) {
        this.address = address;
        this.enabled = enabled;
        this.changedAt = now;
    }
}
