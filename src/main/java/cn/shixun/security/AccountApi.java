package cn.shixun.security;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who am I (any account); the account directory for system administrators, who may open and
 * disable accounts only inside their own scope.
 */
@RestController
@RequestMapping("/api")
class AccountApi {

    private final CurrentAccounts currentAccounts;
    private final Accounts accounts;
    private final AccessScope accessScope;
    private final Teachers teachers;

    AccountApi(CurrentAccounts currentAccounts, Accounts accounts, AccessScope accessScope, Teachers teachers) {
        this.currentAccounts = currentAccounts;
        this.accounts = accounts;
        this.accessScope = accessScope;
        this.teachers = teachers;
    }

    @GetMapping("/me")
    CurrentAccount me() {
        return currentAccounts.require();
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    List<CurrentAccount> accounts() {
        return accounts.all().stream().filter(account -> accessScope.covers(account.organisationId())).toList();
    }

    /** A teacher account needs {@code teacherId}; every other role needs {@code organisationId} and {@code displayName}. */
    record NewAccount(String username, String password, String displayName, Role role, Long organisationId,
                      Long teacherId) {
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    CurrentAccount open(@RequestBody NewAccount request) {
        if (request.role() == Role.TEACHER) {
            if (request.teacherId() == null) {
                throw BusinessRuleException.violation(null, "teacherId", "account.teacher-id-missing");
            }
            Teacher teacher = teachers.require(request.teacherId());
            accessScope.requireCovers(teacher.schoolId());
            return accounts.createTeacherAccount(request.username(), request.password(), teacher.getId());
        }
        if (request.organisationId() != null) {
            accessScope.requireCovers(request.organisationId());
        }
        return accounts.createAccount(request.username(), request.password(), request.displayName(), request.role(),
                request.organisationId());
    }

    @PostMapping("/accounts/{username}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    void disable(@PathVariable String username) {
        // An account outside the scope is answered like one that does not exist (docs/security.md).
        accounts.find(username).filter(account -> accessScope.covers(account.organisationId())).orElseThrow(
                () -> BusinessRuleException.notFound("username", "account.not-found", username));
        accounts.disable(username);
    }
}
