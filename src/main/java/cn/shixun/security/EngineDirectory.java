package cn.shixun.security;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts as the workflow engine's identity service sees them (read only): users are
 * enabled accounts, groups are {@link CandidateGroup}s plus the role-wide groups
 * {@link CandidateGroup#CAMUNDA_ADMIN}, {@link CandidateGroup#TASKLIST_USERS} and {@link CandidateGroup#PROCESS_OWNERS}.
 */
@Component
@Transactional(readOnly = true)
class EngineDirectory {

    /**
     * A user of the engine: the username, the display name, the groups it belongs to, and what
     * decides who may see it: the role and the organisation (a teacher's current school).
     */
    record Member(String username, String displayName, List<String> groupIds, Role role, Long organisationId) {
    }

    /** A group of the engine with a readable name. */
    record Team(String id, String name, String type) {
    }

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Organisations organisations;
    private final Teachers teachers;
    private final SignInThrottle throttle;

    EngineDirectory(AccountRepository accounts, PasswordEncoder passwordEncoder, Organisations organisations,
                    Teachers teachers, SignInThrottle throttle) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.organisations = organisations;
        this.teachers = teachers;
        this.throttle = throttle;
    }

    Optional<Member> member(String username) {
        return accounts.findByUsername(username).filter(Account::enabled).map(this::member);
    }

    List<Member> members() {
        return accounts.findAll().stream().filter(Account::enabled).map(this::member).toList();
    }

    /**
     * Which members an engine caller may see (docs/security.md: who works where is not public):
     * everyone for the engine itself ({@code caller} null: our own services, the job executor) and
     * for system administrators; the members whose organisation lies in their scope for school
     * administrators and reviewers ({@link AccessScope}, R-04 included); only itself for anyone else.
     */
    Predicate<Member> visibleTo(String caller) {
        if (caller == null) {
            return member -> true;
        }
        Optional<Member> self = member(caller);
        if (self.isEmpty()) {
            return member -> false;
        }
        Role role = self.get().role();
        if (role == Role.SYSTEM_ADMIN) {
            return member -> true;
        }
        Predicate<Member> itself = member -> member.username().equals(caller);
        if (!role.reviews()) {
            return itself;
        }
        Long authority = self.get().organisationId();
        Map<Long, Boolean> answered = new HashMap<>();
        return itself.or(member -> member.organisationId() != null && answered.computeIfAbsent(member.organisationId(),
                organisation -> organisations.answersFor(authority, organisation)));
    }

    /**
     * The engine's password check, which the Camunda webapps' login uses: throttled like every
     * password sign-in ({@link SignInThrottle}), so a blocked name or address is refused unchecked.
     */
    boolean checkPassword(String username, String rawPassword) {
        String address = SignInThrottle.currentAddress();
        if (throttle.isBlocked(username, address)) {
            return false;
        }
        boolean right = rawPassword != null && accounts.findByUsername(username)
                .filter(Account::enabled)
                .map(account -> passwordEncoder.matches(rawPassword, account.passwordHash()))
                .orElse(false);
        if (right) {
            throttle.succeeded(username);
        } else {
            throttle.failed(username, address);
        }
        return right;
    }

    /** Any well-formed group of an existing organisation, whether or not it has members yet. */
    Optional<Team> team(String groupId) {
        if (CandidateGroup.CAMUNDA_ADMIN.equals(groupId)) {
            return Optional.of(new Team(groupId, "流程引擎管理员", "SYSTEM"));
        }
        if (CandidateGroup.TASKLIST_USERS.equals(groupId)) {
            return Optional.of(new Team(groupId, "审核人员（任务列表）", "SYSTEM"));
        }
        if (CandidateGroup.PROCESS_OWNERS.equals(groupId)) {
            return Optional.of(new Team(groupId, "流程管理员", "SYSTEM"));
        }
        return CandidateGroup.parse(groupId).flatMap(group -> organisations.findByCode(group.organisationCode())
                .map(organisation -> new Team(group.id(), group.role().label() + " · " + organisation.name(),
                        "WORKFLOW")));
    }

    List<Team> teams() {
        return members().stream().flatMap(member -> member.groupIds().stream()).distinct().sorted()
                .map(this::team).flatMap(Optional::stream).toList();
    }

    private Member member(Account account) {
        String code = account.organisationId() == null ? null
                : organisations.find(account.organisationId()).map(Organisation::code).orElse(null);
        Long scope = account.role() == Role.TEACHER
                ? teachers.find(account.teacherId()).map(Teacher::schoolId).orElse(null)
                : account.organisationId();
        return new Member(account.username(), account.displayName(), CandidateGroup.engineGroupsOf(account.role(), code),
                account.role(), scope);
    }
}
