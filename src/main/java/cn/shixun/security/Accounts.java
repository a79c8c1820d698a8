package cn.shixun.security;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local account directory: creating accounts and reading them as {@link CurrentAccount}s.
 * Passwords are stored only as BCrypt hashes.
 */
@Service
@Transactional(readOnly = true)
public class Accounts {

    static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Organisations organisations;
    private final Teachers teachers;

    Accounts(AccountRepository repository, PasswordEncoder passwordEncoder, Organisations organisations,
             Teachers teachers) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.organisations = organisations;
        this.teachers = teachers;
    }

    /** A teacher's account, named after the teacher and scoped to whatever school the teacher is at. */
    @Transactional
    public CurrentAccount createTeacherAccount(String username, String rawPassword, Long teacherId) {
        checkNewCredentials(username, rawPassword);
        Teacher teacher = teachers.require(teacherId);
        Account account = Account.forTeacher(username, passwordEncoder.encode(rawPassword), teacher.name(), teacherId);
        return view(repository.save(account));
    }

    /**
     * An account for any role but {@link Role#TEACHER}, scoped to {@code organisationId}; a system
     * administrator with none is the platform administrator ({@link CurrentAccount#isPlatformAdmin}).
     */
    @Transactional
    public CurrentAccount createAccount(String username, String rawPassword, String displayName, Role role,
                                        Long organisationId) {
        checkRole(role);
        if (displayName == null || displayName.isBlank()) {
            throw BusinessRuleException.violation(null, "displayName", "account.display-name-missing");
        }
        checkNewCredentials(username, rawPassword);
        if (organisationId != null || role != Role.SYSTEM_ADMIN) {
            organisations.require(organisationId, "organisationId");
        }
        Account account = Account.forOrganisation(username, passwordEncoder.encode(rawPassword), displayName.strip(),
                role, organisationId);
        return view(repository.save(account));
    }

    /**
     * {@link #createAccount}, with the organisation's level checked against the role ({@link Role#levels}):
     * what the administration pages open, so that a school administrator always belongs to a school.
     */
    @Transactional
    public CurrentAccount openAccount(String username, String rawPassword, String displayName, Role role,
                                      Long organisationId) {
        checkRole(role);
        checkLevel(role, organisationId);
        return createAccount(username, rawPassword, displayName, role, organisationId);
    }

    /** A new role and organisation for a non-teacher account, checked as {@link #openAccount} checks them. */
    @Transactional
    public AccountSummary reassign(String username, Role role, Long organisationId) {
        Account account = require(username);
        if (account.role() == Role.TEACHER) {
            throw BusinessRuleException.violation(null, "role", "account.teacher-role-fixed");
        }
        checkRole(role);
        checkLevel(role, organisationId);
        account.reassign(role, organisationId);
        return summary(account);
    }

    /** A new password, stored only as its hash. */
    @Transactional
    public void resetPassword(String username, String rawPassword) {
        if (rawPassword == null || rawPassword.length() < MIN_PASSWORD_LENGTH) {
            throw BusinessRuleException.violation(null, "password", "account.password-too-short", MIN_PASSWORD_LENGTH);
        }
        require(username).changePassword(passwordEncoder.encode(rawPassword));
    }

    /** Lets a disabled account sign in again. */
    @Transactional
    public void enable(String username) {
        require(username).enable();
    }

    /** Stops an account from signing in; its history stays. */
    @Transactional
    public void disable(String username) {
        require(username).disable();
    }

    public Optional<CurrentAccount> find(String username) {
        return repository.findByUsername(username).filter(Account::enabled).map(this::view);
    }

    /** The language the account chose in the site menu, or empty: then the browser's Accept-Language decides. */
    public Optional<Locale> languageOf(String username) {
        return repository.findByUsername(username).map(Account::language).map(Locale::forLanguageTag);
    }

    /** Keeps {@code language} (one of {@link AccountLocaleResolver#LANGUAGES}) on the account, for every later sign-in. */
    @Transactional
    public void chooseLanguage(String username, Locale language) {
        repository.findByUsername(username)
                .orElseThrow(() -> BusinessRuleException.notFound("username", "account.not-found", username))
                .chooseLanguage(language.toLanguageTag());
    }

    public boolean exists(String username) {
        return repository.existsByUsername(username);
    }

    /** The enabled accounts of the group's role at its organisation: who may work a task offered to it (ADR 0004). */
    public List<String> usernamesIn(CandidateGroup group) {
        return organisations.findByCode(group.organisationCode())
                .map(organisation -> repository.findByRoleAndOrganisationIdAndEnabledTrue(group.role(), organisation.getId())
                        .stream().map(Account::username).toList())
                .orElse(List.of());
    }

    /** The enabled accounts of a role held platform-wide, whose engine group names no organisation (process owners). */
    public List<String> usernamesWithRole(Role role) {
        return repository.findByRoleAndEnabledTrue(role).stream().map(Account::username).toList();
    }

    /** The enabled accounts of the teacher. */
    public List<String> usernamesOfTeacher(Long teacherId) {
        return repository.findByTeacherIdAndEnabledTrue(teacherId).stream().map(Account::username).toList();
    }

    /**
     * An account as the administration pages show it, disabled ones included.
     *
     * @param organisationId the account's own organisation, or a teacher's school; null for the platform administrator
     */
    public record AccountSummary(String username, String displayName, Role role, Long organisationId, Long teacherId,
                                 boolean enabled, Instant createdAt) {
    }

    /** Any account, enabled or not, as {@link AccountSummary}. */
    public Optional<AccountSummary> summary(String username) {
        return repository.findByUsername(username).map(this::summary);
    }

    /**
     * A page of the accounts whose organisation (a teacher's: school) lies at or below {@code pathPrefix}
     * ({@link Organisation#path}), or every account, the platform administrators' too, for a null prefix;
     * {@code text}, when given, must occur in the username or the name. Ordered by username.
     */
    public Page<AccountSummary> search(String pathPrefix, String text, int page, int size) {
        String like = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(java.util.Locale.ROOT) + "%";
        return repository.search(pathPrefix, like, PageRequest.of(page, size)).map(this::summary);
    }

    public long count() {
        return repository.count();
    }

    public List<CurrentAccount> all() {
        return repository.findAll().stream().map(this::view).toList();
    }

    private Account require(String username) {
        return repository.findByUsername(username)
                .orElseThrow(() -> BusinessRuleException.notFound("username", "account.not-found", username));
    }

    private static void checkRole(Role role) {
        if (role == null) {
            throw BusinessRuleException.violation(null, "role", "account.role-missing");
        }
        if (role == Role.TEACHER) {
            throw BusinessRuleException.violation(null, "role", "account.teacher-needs-teacher-record");
        }
    }

    /** a role works at its own level of the tree ({@link Role#levels}). */
    private void checkLevel(Role role, Long organisationId) {
        if (organisationId == null && role == Role.SYSTEM_ADMIN) {
            return;
        }
        Organisation organisation = organisations.require(organisationId, "organisationId");
        if (!role.levels().contains(organisation.level())) {
            throw BusinessRuleException.violation("R-02", "organisationId", "account.role-wrong-level", role.label(),
                    organisation.name(), role.levels().stream().map(level -> level.label())
                            .collect(java.util.stream.Collectors.joining("、")));
        }
    }

    private void checkNewCredentials(String username, String rawPassword) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw BusinessRuleException.violation(null, "username", "account.username-invalid");
        }
        if (rawPassword == null || rawPassword.length() < MIN_PASSWORD_LENGTH) {
            throw BusinessRuleException.violation(null, "password", "account.password-too-short", MIN_PASSWORD_LENGTH);
        }
        if (repository.existsByUsername(username)) {
            throw BusinessRuleException.conflict(null, "username", "account.username-taken", username);
        }
    }

    private AccountSummary summary(Account account) {
        CurrentAccount view = view(account);
        return new AccountSummary(account.username(), account.displayName(), account.role(), view.organisationId(),
                account.teacherId(), account.enabled(), account.createdAt());
    }

    private CurrentAccount view(Account account) {
        Long organisationId = account.role() == Role.TEACHER
                ? teachers.find(account.teacherId()).map(Teacher::schoolId).orElse(null)
                : account.organisationId();
        return new CurrentAccount(account.username(), account.displayName(), account.role(), organisationId,
                account.teacherId());
    }
}
