package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.Organisations;
import cn.shixun.teacher.Teachers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.ui.ExtendedModelMap;

/**
 * The demo-account runner, run by hand in the shared test context (where demo data is off):
 * with only the 金水区 part of the demo tree present, the accounts linked to it are created and
 * every other one is skipped without failing; a second run changes nothing.
 */
@SpringBootTest
class DemoAccountsTest {

    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired JdbcTemplate jdbc;

    @Test
    void createsTheAccountsWhoseOrganisationOrTeacherExistsAndSkipsTheRest() {
        SecurityTestData.DemoJinshui demo = SecurityTestData.demoJinshui(organisations, teachers);
        Organisation henan = demo.henan();
        Organisation zhengzhou = demo.zhengzhou();
        Organisation jinshui = demo.jinshui();
        Organisation school = demo.school();
        DemoAccounts runner = new DemoAccounts(accounts, organisations, teachers);

        runner.run(null);

        assertThat(accounts.find("teacher")).hasValueSatisfying(teacher -> {
            assertThat(teacher.role()).isEqualTo(Role.TEACHER);
            assertThat(teacher.organisationId()).isEqualTo(school.getId());
        });
        assertThat(accounts.find("school.admin").map(CurrentAccount::organisationId)).contains(school.getId());
        assertThat(accounts.find("county.reviewer").map(CurrentAccount::organisationId)).contains(jinshui.getId());
        assertThat(accounts.find("city.reviewer").map(CurrentAccount::organisationId)).contains(zhengzhou.getId());
        assertThat(accounts.find("sysadmin")).hasValueSatisfying(admin -> {
            assertThat(admin.role()).isEqualTo(Role.SYSTEM_ADMIN);
            assertThat(admin.organisationId()).isEqualTo(henan.getId());
        });
        String hash = jdbc.queryForObject("SELECT password_hash FROM account WHERE username = 'sysadmin'", String.class);
        assertThat(passwordEncoder.matches(DemoAccounts.PASSWORD, hash)).isTrue();
        // Whatever else the shared database holds: an account exists exactly when its reference does.
        assertThat(accounts.exists("teacher.km")).isEqualTo(teachers.findByStaffNumber("5301020001001").isPresent());
        assertThat(accounts.exists("county.reviewer.km")).isEqualTo(organisations.findByCode("530102").isPresent());

        ExtendedModelMap model = new ExtendedModelMap();
        new LoginController(accounts, true, new PasswordSignIn(null)).login(new MockHttpSession(), model);
        assertThat((List<?>) model.getAttribute("demoAccounts")).as("login page hint")
                .extracting("username").contains("teacher", "county.reviewer", "sysadmin");

        long afterFirstRun = accounts.count();
        runner.run(null);
        assertThat(accounts.count()).as("idempotent").isEqualTo(afterFirstRun);
    }
}
