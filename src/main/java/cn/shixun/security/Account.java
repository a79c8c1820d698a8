package cn.shixun.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A local sign-in account. A teacher's account points at the teacher record only; its
 * organisation is that teacher's current school, read when needed (see {@link CurrentAccounts}).
 */
@Entity
@Table(name = "account")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "organisation_id")
    private Long organisationId;

    @Column(name = "teacher_id")
    private Long teacherId;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The language chosen in the site menu (a language tag), or null to follow the browser. */
    @Column(name = "ui_language")
    private String language;

    protected Account() {
        // for JPA
    }

    private Account(String username, String passwordHash, String displayName, Role role, Long organisationId,
                    Long teacherId) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.organisationId = organisationId;
        this.teacherId = teacherId;
        this.createdAt = Instant.now();
    }

    static Account forTeacher(String username, String passwordHash, String displayName, Long teacherId) {
        return new Account(username, passwordHash, displayName, Role.TEACHER, null, teacherId);
    }

    static Account forOrganisation(String username, String passwordHash, String displayName, Role role,
                                   Long organisationId) {
        return new Account(username, passwordHash, displayName, role, organisationId, null);
    }

    Long getId() {
        return id;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    String displayName() {
        return displayName;
    }

    Role role() {
        return role;
    }

    /** The organisation named on the account; null for teachers (their school comes from the teacher record). */
    Long organisationId() {
        return organisationId;
    }

    Long teacherId() {
        return teacherId;
    }

    boolean enabled() {
        return enabled;
    }

    Instant createdAt() {
        return createdAt;
    }

    void disable() {
        this.enabled = false;
    }

    String language() {
        return language;
    }

    void chooseLanguage(String languageTag) {
        this.language = languageTag;
    }

    void enable() {
        this.enabled = true;
    }

    void changePassword(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
    }

    /** A new role and organisation for a non-teacher account (checked by {@link Accounts#reassign}). */
    void reassign(Role newRole, Long newOrganisationId) {
        this.role = newRole;
        this.organisationId = newOrganisationId;
    }
}
