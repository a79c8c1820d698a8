package cn.shixun.admin.web;

import cn.shixun.security.Role;
import java.util.List;

/** The fields of a new account, or of a change of role and organisation (username and name unused there). */
record AccountForm(String username, String displayName, Role role, Long organisationId) {

    static final List<String> FIELDS = List.of("username", "displayName", "role", "organisationId");

    static AccountForm empty() {
        return new AccountForm(null, null, null, null);
    }
}
