package cn.shixun.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.organisation.Organisations;
import cn.shixun.teacher.Teachers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The engine's identity service reads our accounts: users, candidate groups by role and organisation (ADR 0004). */
@SpringBootTest
class EngineIdentityTest {

    @Autowired IdentityService identityService;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;

    SecurityTestData data;
    String teacher;
    String schoolAdmin;
    String countyReviewer;
    String owner;

    @BeforeEach
    void setUp() {
        data = new SecurityTestData(organisations, teachers);
        teacher = data.username("teacher");
        schoolAdmin = data.username("school");
        countyReviewer = data.username("county");
        owner = data.username("owner");
        accounts.createTeacherAccount(teacher, SecurityTestData.PASSWORD, data.teacher.getId());
        accounts.createAccount(schoolAdmin, SecurityTestData.PASSWORD, "王丽", Role.SCHOOL_ADMIN, data.schoolA.getId());
        accounts.createAccount(countyReviewer, SecurityTestData.PASSWORD, "赵明", Role.COUNTY_REVIEWER, data.countyA.getId());
        accounts.createAccount(owner, SecurityTestData.PASSWORD, "周涛", Role.PROCESS_OWNER, data.province.getId());
    }

    @Test
    void theProviderIsReadOnly() {
        assertThat(identityService.isReadOnly()).isTrue();
    }

    @Test
    void passwordsAreCheckedAgainstTheAccountsBcryptHashes() {
        assertThat(identityService.checkPassword(schoolAdmin, SecurityTestData.PASSWORD)).isTrue();
        assertThat(identityService.checkPassword(schoolAdmin, "not-the-password")).isFalse();
        assertThat(identityService.checkPassword("nobody-" + data.prefix, SecurityTestData.PASSWORD)).isFalse();
        accounts.disable(countyReviewer);
        assertThat(identityService.checkPassword(countyReviewer, SecurityTestData.PASSWORD)).as("disabled").isFalse();
        assertThat(identityService.createUserQuery().userId(countyReviewer).count()).isZero();
    }

    @Test
    void usersAreAccountsWithTheirDisplayName() {
        User user = identityService.createUserQuery().userId(schoolAdmin).singleResult();
        assertThat(user.getFirstName()).isEqualTo("王丽");
        assertThat(identityService.createUserQuery().userIdIn(schoolAdmin, teacher).count()).isEqualTo(2);
        assertThat(identityService.createUserQuery().userFirstNameLike("%丽%").list())
                .extracting(User::getId).contains(schoolAdmin);
    }

    @Test
    void eachReviewerIsInTheCandidateGroupOfTheirRoleAndOrganisation() {
        String schoolGroup = "school-admin:" + data.schoolA.code();
        String countyGroup = "county-reviewer:" + data.countyA.code();
        assertThat(identityService.createGroupQuery().groupMember(schoolAdmin).list())
                .extracting(Group::getId).containsExactly(schoolGroup, CandidateGroup.TASKLIST_USERS);
        assertThat(identityService.createGroupQuery().groupMember(countyReviewer).list())
                .extracting(Group::getId).containsExactly(countyGroup, CandidateGroup.TASKLIST_USERS);
        assertThat(identityService.createUserQuery().memberOfGroup(countyGroup).list())
                .extracting(User::getId).containsExactly(countyReviewer);
        assertThat(identityService.createGroupQuery().groupId(schoolGroup).singleResult().getName())
                .isEqualTo("学校管理员 · 甲区第一小学");
    }

    @Test
    void teachersAreUsersWithoutCandidateGroups() {
        assertThat(identityService.createUserQuery().userId(teacher).count()).isEqualTo(1);
        assertThat(identityService.createGroupQuery().groupMember(teacher).count()).isZero();
    }

    @Test
    void processOwnersAreProcessOwnersNotEngineAdministrators() {
        // ADR 0005: camunda-admin (every permission, the Admin webapp) is for system administrators only.
        assertThat(identityService.createGroupQuery().groupMember(owner).list()).extracting(Group::getId)
                .containsExactly("process-owner:" + data.province.code(), CandidateGroup.PROCESS_OWNERS);
    }

    @Test
    void aGroupOfAnOrganisationWithoutMembersStillExistsButUnknownOnesDoNot() {
        assertThat(identityService.createGroupQuery().groupId("city-reviewer:" + data.city.code()).count()).isEqualTo(1);
        assertThat(identityService.createGroupQuery().groupId("city-reviewer:NO-SUCH-ORG").count()).isZero();
        assertThat(identityService.createGroupQuery().groupId("teacher:" + data.schoolA.code()).count()).isZero();
    }

    @Test
    void candidateGroupIdsReadBack() {
        CandidateGroup group = CandidateGroup.of(Role.COUNTY_REVIEWER, "410105");
        assertThat(group.id()).isEqualTo("county-reviewer:410105");
        assertThat(CandidateGroup.parse("county-reviewer:410105")).contains(group);
        assertThat(CandidateGroup.parse("camunda-admin")).isEmpty();
        assertThat(CandidateGroup.parse("teacher:4101050001")).isEmpty();
        assertThat(CandidateGroup.parse("nobody:1")).isEmpty();
    }
}
