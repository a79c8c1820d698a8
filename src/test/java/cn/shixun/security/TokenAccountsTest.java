package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.organisation.Organisations;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.BadCredentialsException;

/** ADR 0006: a Keycloak token names an account and must agree with its role and organisation. */
@SpringBootTest
class TokenAccountsTest {

    @Autowired TokenAccounts tokenAccounts;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;

    SecurityTestData data;
    String reviewer;
    String teacher;

    @BeforeEach
    void setUp() {
        data = new SecurityTestData(organisations, teachers);
        reviewer = data.username("reviewer");
        accounts.createAccount(reviewer, SecurityTestData.PASSWORD, "赵明", Role.COUNTY_REVIEWER, data.countyA.getId());
        teacher = data.username("teacher");
        accounts.createTeacherAccount(teacher, SecurityTestData.PASSWORD, data.teacher.getId());
    }

    @Test
    void reviewerTokenWithTheAccountsRoleAndOrganisationIsTheAccount() {
        CurrentAccount account = tokenAccounts.account(reviewer,
                List.of("county-reviewer", "offline_access", "default-roles-shixun"), data.countyA.code());

        assertThat(account.username()).isEqualTo(reviewer);
        assertThat(account.organisationId()).isEqualTo(data.countyA.getId());
        assertThat(TokenAccounts.authorities(account)).extracting(Object::toString).containsExactly("ROLE_COUNTY_REVIEWER");
    }

    @Test
    void keycloakRoleNamesAreOursInLowerCaseWithHyphens() {
        assertThat(TokenAccounts.roleName(Role.SYSTEM_ADMIN)).isEqualTo("system-admin");
        assertThat(TokenAccounts.roleName(Role.TEACHER)).isEqualTo("teacher");
    }

    @Test
    void tokenForNoAccountHereIsRefused() {
        assertThatThrownBy(() -> tokenAccounts.account(data.username("stranger"), List.of("county-reviewer"),
                data.countyA.code())).isInstanceOf(BadCredentialsException.class).hasMessageContaining("no enabled account");
        assertThatThrownBy(() -> tokenAccounts.account(null, List.of("county-reviewer"), data.countyA.code()))
                .isInstanceOf(BadCredentialsException.class).hasMessageContaining("preferred_username");
    }

    @Test
    void tokenForADisabledAccountIsRefused() {
        accounts.disable(reviewer);

        assertThatThrownBy(() -> tokenAccounts.account(reviewer, List.of("county-reviewer"), data.countyA.code()))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void tokenWhoseRolesDifferFromTheAccountsIsRefused() {
        assertThatThrownBy(() -> tokenAccounts.account(reviewer, List.of("system-admin"), data.countyA.code()))
                .isInstanceOf(BadCredentialsException.class).hasMessageContaining("not the account's role");
        assertThatThrownBy(() -> tokenAccounts.account(reviewer, List.of("county-reviewer", "system-admin"),
                data.countyA.code())).as("a second Shixun role is not ignored").isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> tokenAccounts.account(reviewer, null, data.countyA.code()))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void reviewerTokenForAnotherOrganisationOrNoneIsRefused() {
        assertThatThrownBy(() -> tokenAccounts.account(reviewer, List.of("county-reviewer"), data.countyB.code()))
                .isInstanceOf(BadCredentialsException.class).hasMessageContaining("organisation");
        assertThatThrownBy(() -> tokenAccounts.account(reviewer, List.of("county-reviewer"), null))
                .isInstanceOf(BadCredentialsException.class);
    }

    /** The teacher record, not a claim, says where a teacher is: after a transfer the same token sees the new school. */
    @Test
    void R37_teacherTokenNeedsNoOrganisationAndFollowsATransfer() {
        assertThat(tokenAccounts.account(teacher, List.of("teacher"), null).organisationId()).isEqualTo(data.schoolA.getId());

        teachers.transfer(data.teacher.getId(), data.schoolB.getId(), LocalDate.of(2025, 9, 1), "test");

        assertThat(tokenAccounts.account(teacher, List.of("teacher"), data.schoolA.code()).organisationId())
                .as("a stale organisation claim does not matter").isEqualTo(data.schoolB.getId());
        assertThatThrownBy(() -> tokenAccounts.account(teacher, List.of("school-admin"), data.schoolB.code()))
                .isInstanceOf(BadCredentialsException.class);
    }
}
