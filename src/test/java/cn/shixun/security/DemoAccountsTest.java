package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.teacher.Teachers;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.ui.ExtendedModelMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.JdbcTemplate;

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
        Organisation henan = findOrCreateRegion("410000", "河南省", OrganisationLevel.PROVINCE, null);
        Organisation zhengzhou = findOrCreateRegion("410100", "郑州市", OrganisationLevel.CITY, henan.getId());
        Organisation jinshui = findOrCreateRegion("410105", "金水区", OrganisationLevel.COUNTY, zhengzhou.getId());
        Organisation school = organisations.findByCode("4101050001").orElseGet(() -> organisations.createSchool(
                "4101050001", "郑州市金水区文化路第一小学", jinshui.getId(), Set.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, jinshui.getId()));
        if (teachers.findByStaffNumber("4101050001001").isEmpty()) {
            teachers.hire("4101050001001", "张晓燕", "女", school.getId(), Stage.PRIMARY, "语文", "20084100012",
                    LocalDate.of(2008, 9, 1));
        }
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
        new LoginController(accounts, true).login(new MockHttpSession(), model);
        assertThat((List<?>) model.getAttribute("demoAccounts")).as("login page hint")
                .extracting("username").contains("teacher", "county.reviewer", "sysadmin");

        long afterFirstRun = accounts.count();
        runner.run(null);
        assertThat(accounts.count()).as("idempotent").isEqualTo(afterFirstRun);
    }

    private Organisation findOrCreateRegion(String code, String name, OrganisationLevel level, Long parentId) {
        return organisations.findByCode(code)
                .orElseGet(() -> organisations.createRegion(code, name, level, parentId, null));
    }
}
