package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.organisation.Organisations;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teachers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

@SpringBootTest
class AccountsTest {

    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired UserDetailsService userDetailsService;
    @Autowired JdbcTemplate jdbc;

    SecurityTestData data;

    @BeforeEach
    void setUp() {
        data = new SecurityTestData(organisations, teachers);
    }

    @Test
    void passwordIsStoredAsBcryptHashNeverPlain() {
        String username = data.username("reviewer");
        accounts.createAccount(username, SecurityTestData.PASSWORD, "赵明", Role.COUNTY_REVIEWER, data.countyA.getId());

        String stored = jdbc.queryForObject("SELECT password_hash FROM account WHERE username = ?", String.class, username);
        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain(SecurityTestData.PASSWORD);
        assertThat(passwordEncoder.matches(SecurityTestData.PASSWORD, stored)).isTrue();
        assertThat(passwordEncoder.matches("wrong-password", stored)).isFalse();
    }

    @Test
    void teacherAccountTakesTheTeachersNameAndSchool() {
        CurrentAccount account = accounts.createTeacherAccount(data.username("teacher"), SecurityTestData.PASSWORD,
                data.teacher.getId());

        assertThat(account.displayName()).isEqualTo("李春梅");
        assertThat(account.role()).isEqualTo(Role.TEACHER);
        assertThat(account.teacherId()).isEqualTo(data.teacher.getId());
        assertThat(account.organisationId()).isEqualTo(data.schoolA.getId());
        Long storedOrganisation = jdbc.queryForObject("SELECT organisation_id FROM account WHERE username = ?",
                Long.class, data.username("teacher"));
        assertThat(storedOrganisation).as("no copy of the school that could go stale").isNull();
    }

    @Test
    void userDetailsCarryTheRoleAsAuthority() {
        accounts.createAccount(data.username("city"), SecurityTestData.PASSWORD, "陈静", Role.CITY_REVIEWER, data.city.getId());

        var user = userDetailsService.loadUserByUsername(data.username("city"));
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CITY_REVIEWER");
        assertThat(user.isEnabled()).isTrue();
    }

    @Test
    void disabledAccountCannotSignInAndIsNoLongerCurrent() {
        accounts.createAccount(data.username("gone"), SecurityTestData.PASSWORD, "孙宏", Role.MANAGER, data.city.getId());
        accounts.disable(data.username("gone"));

        assertThat(userDetailsService.loadUserByUsername(data.username("gone")).isEnabled()).isFalse();
        assertThat(accounts.find(data.username("gone"))).isEmpty();
    }

    @Test
    void takenUsernameIsRefusedAndChangesNothing() {
        String username = data.username("dup");
        accounts.createAccount(username, SecurityTestData.PASSWORD, "王丽", Role.SCHOOL_ADMIN, data.schoolA.getId());
        long before = accounts.count();

        assertThatThrownBy(() -> accounts.createAccount(username, SecurityTestData.PASSWORD, "别人", Role.MANAGER,
                data.city.getId()))
                .isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT);
                    assertThat(refusal.field()).isEqualTo("username");
                });
        assertThat(accounts.count()).isEqualTo(before);
        assertThat(accounts.find(username)).map(CurrentAccount::displayName).contains("王丽");
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        long before = accounts.count();
        assertRefused(() -> accounts.createAccount(data.username("short"), "short", "王丽", Role.MANAGER,
                data.city.getId()), "password");
        assertRefused(() -> accounts.createAccount("Bad Name", SecurityTestData.PASSWORD, "王丽", Role.MANAGER,
                data.city.getId()), "username");
        assertRefused(() -> accounts.createAccount(data.username("t"), SecurityTestData.PASSWORD, "王丽", Role.TEACHER,
                data.schoolA.getId()), "role");
        assertRefused(() -> accounts.createAccount(data.username("noname"), SecurityTestData.PASSWORD, " ", Role.MANAGER,
                data.city.getId()), "displayName");
        assertRefused(() -> accounts.createAccount(data.username("noorg"), SecurityTestData.PASSWORD, "王丽", Role.MANAGER,
                -1L), "organisationId");
        assertRefused(() -> accounts.createTeacherAccount(data.username("noteacher"), SecurityTestData.PASSWORD, -1L),
                "teacherId");
        assertThat(accounts.count()).isEqualTo(before);
    }

    private static void assertRefused(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(BusinessRuleException.class,
                refusal -> assertThat(refusal.field()).isEqualTo(field));
    }
}
