package cn.shixun.security;

import cn.shixun.organisation.Organisations;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
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

    /** An account for any role but {@link Role#TEACHER}, scoped to {@code organisationId}. */
    @Transactional
    public CurrentAccount createAccount(String username, String rawPassword, String displayName, Role role,
                                        Long organisationId) {
        if (role == null) {
            throw BusinessRuleException.violation(null, "role", "account.role-missing");
        }
        if (role == Role.TEACHER) {
            throw BusinessRuleException.violation(null, "role", "account.teacher-needs-teacher-record");
        }
        if (displayName == null || displayName.isBlank()) {
            throw BusinessRuleException.violation(null, "displayName", "account.display-name-missing");
        }
        checkNewCredentials(username, rawPassword);
        organisations.require(organisationId, "organisationId");
        Account account = Account.forOrganisation(username, passwordEncoder.encode(rawPassword), displayName.strip(),
                role, organisationId);
        return view(repository.save(account));
    }

    /** Stops an account from signing in; its history stays. */
    @Transactional
    public void disable(String username) {
        repository.findByUsername(username)
                .orElseThrow(() -> BusinessRuleException.notFound("username", "account.not-found", username))
                .disable();
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

    public long count() {
        return repository.count();
    }

    public List<CurrentAccount> all() {
        return repository.findAll().stream().map(this::view).toList();
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

    private CurrentAccount view(Account account) {
        Long organisationId = account.role() == Role.TEACHER
                ? teachers.find(account.teacherId()).map(Teacher::schoolId).orElse(null)
                : account.organisationId();
        return new CurrentAccount(account.username(), account.displayName(), account.role(), organisationId,
                account.teacherId());
    }
}
