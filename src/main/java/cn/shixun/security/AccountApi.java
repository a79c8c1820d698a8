package cn.shixun.security;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I (any account), and the account list (system administrators only). */
@RestController
@RequestMapping("/api")
class AccountApi {

    private final CurrentAccounts currentAccounts;
    private final Accounts accounts;

    AccountApi(CurrentAccounts currentAccounts, Accounts accounts) {
        this.currentAccounts = currentAccounts;
        this.accounts = accounts;
    }

    @GetMapping("/me")
    CurrentAccount me() {
        return currentAccounts.require();
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    List<CurrentAccount> accounts() {
        return accounts.all();
    }
}
