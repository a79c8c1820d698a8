package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.organisation.Organisations;
import cn.shixun.teacher.Teachers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@SpringBootTest
class AccessScopeTest {

    @Autowired AccessScope accessScope;
    @Autowired Accounts accounts;
    @Autowired CurrentAccounts currentAccounts;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired JdbcTemplate jdbc;

    SecurityTestData data;

    @BeforeEach
    void setUp() {
        data = new SecurityTestData(organisations, teachers);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void countyReviewerCoversItsOwnSchoolsButNotAnotherCountys() {
        CurrentAccount reviewer = accounts.createAccount(data.username("county"), SecurityTestData.PASSWORD, "赵明",
                Role.COUNTY_REVIEWER, data.countyA.getId());

        assertThat(accessScope.covers(reviewer, data.countyA.getId())).isTrue();
        assertThat(accessScope.covers(reviewer, data.schoolA.getId())).isTrue();
        assertThat(accessScope.covers(reviewer, data.schoolB.getId())).isFalse();
        assertThat(accessScope.covers(reviewer, data.countyB.getId())).isFalse();
        assertThat(accessScope.covers(reviewer, data.city.getId())).as("not upwards").isFalse();
    }

    @Test
    void cityReviewerCoversEveryCountyBelowIt() {
        CurrentAccount city = accounts.createAccount(data.username("city"), SecurityTestData.PASSWORD, "陈静",
                Role.CITY_REVIEWER, data.city.getId());

        assertThat(List.of(data.city, data.countyA, data.countyB, data.schoolA, data.schoolB))
                .allSatisfy(organisation -> assertThat(accessScope.covers(city, organisation.getId())).isTrue());
        assertThat(accessScope.covers(city, data.province.getId())).isFalse();
    }

    @Test
    void unknownOrganisationIsNeverCovered() {
        CurrentAccount province = accounts.createAccount(data.username("prov"), SecurityTestData.PASSWORD, "刘洋",
                Role.PROVINCE_REVIEWER, data.province.getId());

        assertThat(accessScope.covers(province, -1L)).isFalse();
        assertThat(accessScope.covers(province, null)).isFalse();
    }

    /**
     * Teachers has no transfer operation on this branch yet, so the transfer is simulated by
     * changing the teacher record's school directly; what is tested is that the account's scope
     * is derived from the teacher record on every call, not copied at sign-up or sign-in.
     */
    @Test
    void R37_teachersScopeFollowsTheTeacherRecordAcrossATransfer() {
        String username = data.username("teacher");
        accounts.createTeacherAccount(username, SecurityTestData.PASSWORD, data.teacher.getId());
        signIn(username);
        assertThat(accessScope.covers(data.schoolA.getId())).isTrue();
        assertThat(accessScope.covers(data.schoolB.getId())).isFalse();

        jdbc.update("UPDATE teacher SET school_id = ? WHERE id = ?", data.schoolB.getId(), data.teacher.getId());

        assertThat(currentAccounts.require().organisationId()).isEqualTo(data.schoolB.getId());
        assertThat(accessScope.covers(data.schoolB.getId())).isTrue();
        assertThat(accessScope.covers(data.schoolA.getId())).isFalse();
    }

    @Test
    void teacherCoversOnlyThemselvesAmongTeachers() {
        var colleague = teachers.hire(data.prefix + "002", "王建国", "男", data.schoolA.getId(),
                cn.shixun.organisation.Stage.PRIMARY, "数学", "2010410000000002", java.time.LocalDate.of(2018, 9, 1));
        CurrentAccount teacher = accounts.createTeacherAccount(data.username("teacher"), SecurityTestData.PASSWORD,
                data.teacher.getId());
        CurrentAccount schoolAdmin = accounts.createAccount(data.username("admin"), SecurityTestData.PASSWORD, "王丽",
                Role.SCHOOL_ADMIN, data.schoolA.getId());
        CurrentAccount otherCounty = accounts.createAccount(data.username("countyb"), SecurityTestData.PASSWORD, "杨帆",
                Role.COUNTY_REVIEWER, data.countyB.getId());

        assertThat(accessScope.coversTeacher(teacher, data.teacher.getId())).isTrue();
        assertThat(accessScope.coversTeacher(teacher, colleague.getId())).isFalse();
        assertThat(accessScope.coversTeacher(schoolAdmin, colleague.getId())).isTrue();
        assertThat(accessScope.coversTeacher(otherCounty, colleague.getId())).isFalse();
    }

    @Test
    void nobodySignedInCoversNothingAndRequireCoversRefuses() {
        assertThat(currentAccounts.current()).isEmpty();
        assertThat(accessScope.covers(data.schoolA.getId())).isFalse();
        assertThatThrownBy(() -> accessScope.requireCovers(data.schoolA.getId())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void signedInAccountIsReadFromTheDirectory() {
        String username = data.username("owner");
        accounts.createAccount(username, SecurityTestData.PASSWORD, "周涛", Role.PROCESS_OWNER, data.province.getId());
        signIn(username);

        CurrentAccount current = currentAccounts.require();
        assertThat(current.username()).isEqualTo(username);
        assertThat(current.role()).isEqualTo(Role.PROCESS_OWNER);
        assertThat(current.organisationId()).isEqualTo(data.province.getId());
        assertThat(current.teacherId()).isNull();
        accessScope.requireCovers(data.schoolB.getId());
    }

    private static void signIn(String username) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.NO_AUTHORITIES));
    }
}
