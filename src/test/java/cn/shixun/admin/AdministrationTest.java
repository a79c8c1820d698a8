package cn.shixun.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.audit.AuditQuery;
import cn.shixun.evidence.EvidenceFiles;
import cn.shixun.evidence.StoredEvidence;
import cn.shixun.audit.AuditTrail;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.ProviderEligibility;
import cn.shixun.organisation.ProviderKind;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.organisation.TrainingProvider;
import cn.shixun.schoolclass.CourseDesign;
import cn.shixun.schoolclass.CourseType;
import cn.shixun.schoolclass.SchoolClass;
import cn.shixun.schoolclass.SchoolClasses;
import cn.shixun.security.AccessScope;
import cn.shixun.security.Accounts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.security.Role;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.OpenCases;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The administration services on two provinces of their own: the platform administrator acts in both, a
 * provincial administrator only in theirs (the other's accounts and organisations answer 404 and stay as
 * they were), and every refusal of names its field and changes nothing.
 */
@SpringBootTest
class AdministrationTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired AccountAdministration accountAdmin;
    @Autowired AdminScope adminScope;
    @Autowired OrganisationAdministration organisationAdmin;
    @Autowired ProviderAdministration providerAdmin;
    @Autowired Accounts accounts;
    @Autowired CurrentAccounts currentAccounts;
    @Autowired AccessScope accessScope;
    @Autowired Organisations organisations;
    @Autowired ProviderEligibility eligibility;
    @Autowired AuditTrail auditTrail;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired SchoolClasses schoolClasses;
    @Autowired EvidenceFiles evidence;
    @Autowired OpenCases openCases;
    @Autowired UserDetailsService userDetails;

    String prefix;
    Organisation henan;
    Organisation henanCounty;
    Organisation henanCountyB;
    Organisation henanSchool;
    Organisation yunnan;
    Organisation kunming;
    Organisation wuhua;
    CurrentAccount platform;
    CurrentAccount henanAdmin;

    @BeforeEach
    void twoProvinces() {
        prefix = "adm" + ProcessHandle.current().pid() % 1000 + "x" + SEQUENCE.incrementAndGet();
        henan = organisations.createRegion(prefix + "HP", "测试豫省", OrganisationLevel.PROVINCE, null, "henan-2016");
        Organisation city = organisations.createRegion(prefix + "HC", "测试郑市", OrganisationLevel.CITY, henan.getId(), null);
        henanCounty = organisations.createRegion(prefix + "HA", "测试甲区", OrganisationLevel.COUNTY, city.getId(), null);
        henanCountyB = organisations.createRegion(prefix + "HB", "测试乙区", OrganisationLevel.COUNTY, city.getId(), null);
        henanSchool = organisations.createSchool(prefix + "HS", "测试甲区小学", henanCounty.getId(), Set.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, henanCounty.getId());
        yunnan = organisations.createRegion(prefix + "YP", "测试滇省", OrganisationLevel.PROVINCE, null, null);
        kunming = organisations.createRegion(prefix + "YC", "测试昆市", OrganisationLevel.CITY, yunnan.getId(), "kunming-2015");
        wuhua = organisations.createRegion(prefix + "YW", "测试五华区", OrganisationLevel.COUNTY, kunming.getId(), null);
        platform = accounts.createAccount(prefix + ".platform", "secret-123", "平台管理员", Role.SYSTEM_ADMIN, null);
        henanAdmin = accounts.createAccount(prefix + ".henan", "secret-123", "豫管理员", Role.SYSTEM_ADMIN, henan.getId());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void thePlatformAdministratorActsInEveryProvince() {
        signIn(platform);
        assertThat(currentAccounts.require().isPlatformAdmin()).isTrue();
        assertThat(accessScope.covers(wuhua.getId())).isTrue();
        assertThat(accessScope.covers(henanSchool.getId())).isTrue();

        AccountAdministration.Handover handover = accountAdmin.open(platform, prefix + ".km", "昆明管理员",
                Role.SYSTEM_ADMIN, yunnan.getId());
        assertThat(accounts.find(prefix + ".km")).get().extracting(CurrentAccount::organisationId).isEqualTo(yunnan.getId());
        assertThat(handover.oneTimePassword()).hasSize(12);
        assertThat(accountAdmin.search(platform, prefix, 0).getContent()).extracting(row -> row.account().username())
                .contains(prefix + ".km", prefix + ".henan", prefix + ".platform");
    }

    @Test
    void R02_aProvincialAdministratorSeesNeitherAccountsNorOrganisationsOfAnotherProvince() {
        signIn(platform);
        accountAdmin.open(platform, prefix + ".kmschool", "昆明审核员", Role.COUNTY_REVIEWER, wuhua.getId());
        signIn(henanAdmin);

        assertThat(accountAdmin.search(henanAdmin, prefix, 0).getContent()).extracting(row -> row.account().username())
                .contains(prefix + ".henan").doesNotContain(prefix + ".kmschool", prefix + ".platform");
        assertNotFound(() -> accountAdmin.disable(henanAdmin, prefix + ".kmschool"), "username");
        assertNotFound(() -> accountAdmin.resetPassword(henanAdmin, prefix + ".platform"), "username");
        assertNotFound(() -> accountAdmin.open(henanAdmin, prefix + ".intruder", "外省", Role.COUNTY_REVIEWER,
                wuhua.getId()), "organisationId");
        assertNotFound(() -> organisationAdmin.createSchool(henanAdmin, prefix + "X1", "外省小学", kunming.getId(),
                SchoolKind.CITY_DIRECT, Set.of(Stage.PRIMARY), wuhua.getId()), "parentId");
        assertThat(organisationAdmin.tree(henanAdmin)).extracting(Organisation::code)
                .contains(prefix + "HS").doesNotContain(prefix + "YW");

        assertThat(accounts.find(prefix + ".kmschool")).as("still enabled").isPresent();
        assertThat(accounts.exists(prefix + ".intruder")).isFalse();
        assertThat(organisations.findByCode(prefix + "X1")).isEmpty();
    }

    @Test
    void R02_aRoleBelongsToItsLevelAndARefusalOpensNothing() {
        signIn(platform);
        assertRefused(() -> accountAdmin.open(platform, prefix + ".wrong", "王丽", Role.SCHOOL_ADMIN, wuhua.getId()),
                "organisationId", "R-02");
        assertRefused(() -> accountAdmin.open(platform, prefix + ".none", "王丽", Role.SCHOOL_ADMIN, null),
                "organisationId", "R-02");
        assertThat(accounts.exists(prefix + ".wrong")).isFalse();
        assertThat(accounts.exists(prefix + ".none")).isFalse();

        accountAdmin.open(platform, prefix + ".dup", "王丽", Role.COUNTY_REVIEWER, wuhua.getId());
        assertThatThrownBy(() -> accountAdmin.open(platform, prefix + ".dup", "别人", Role.CITY_REVIEWER,
                kunming.getId())).isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("username");
                    assertThat(refusal.kind()).isEqualTo(BusinessRuleException.Kind.CONFLICT);
                });
        assertThat(accounts.find(prefix + ".dup")).get().extracting(CurrentAccount::displayName).isEqualTo("王丽");
    }

    @Test
    void onlySystemAdministratorsAdminister() {
        CurrentAccount reviewer = accounts.createAccount(prefix + ".reviewer", "secret-123", "赵明", Role.PROVINCE_REVIEWER,
                henan.getId());
        signIn(reviewer);
        assertThatThrownBy(() -> adminScope.requireAdmin()).isInstanceOf(AccessDeniedException.class);
        signIn(henanAdmin);
        assertThat(adminScope.requireAdmin().username()).isEqualTo(henanAdmin.username());
    }

    @Test
    void onlyThePlatformAdministratorOpensAnotherPlatformAdministrator() {
        signIn(henanAdmin);
        assertRefused(() -> accountAdmin.open(henanAdmin, prefix + ".p2", "平台", Role.SYSTEM_ADMIN, null),
                "organisationId", "R-02");
        signIn(platform);
        accountAdmin.open(platform, prefix + ".p2", "平台", Role.SYSTEM_ADMIN, null);
        assertThat(accounts.find(prefix + ".p2")).get().extracting(CurrentAccount::isPlatformAdmin).isEqualTo(true);
    }

    @Test
    void resetDisableEnableAndReassignAreAuditedAndTheResetPasswordIsTheOnlyOneThatWorks() {
        signIn(henanAdmin);
        accountAdmin.open(henanAdmin, prefix + ".rev", "赵明", Role.COUNTY_REVIEWER, henanCounty.getId());
        String password = accountAdmin.resetPassword(henanAdmin, prefix + ".rev").oneTimePassword();
        accountAdmin.disable(henanAdmin, prefix + ".rev");
        assertThat(accounts.find(prefix + ".rev")).isEmpty();
        accountAdmin.enable(henanAdmin, prefix + ".rev");
        accountAdmin.reassign(henanAdmin, prefix + ".rev", Role.SCHOOL_ADMIN, henanSchool.getId());

        CurrentAccount after = accounts.find(prefix + ".rev").orElseThrow();
        assertThat(after.role()).isEqualTo(Role.SCHOOL_ADMIN);
        assertThat(after.organisationId()).isEqualTo(henanSchool.getId());
        assertThat(passwordEncoder.matches(password, userDetails.loadUserByUsername(prefix + ".rev").getPassword()))
                .as("the one-time password is the account's password now").isTrue();
        assertThatThrownBy(() -> accountAdmin.disable(henanAdmin, henanAdmin.username()))
                .isInstanceOf(BusinessRuleException.class);

        List<String> actions = auditTrail.search(henanAdmin, new AuditQuery(null, null, henanAdmin.username(), null,
                        "account", prefix + ".rev", null), 0, 50).getContent().stream()
                .map(line -> line.action()).toList();
        assertThat(actions).containsExactlyInAnyOrder("account.open", "account.reset-password", "account.disable",
                "account.enable", "account.reassign");
    }

    @Test
    void R02_R04_aCityDirectPrimarySchoolSitsUnderTheCityAndRegistersWithTheCountyWhereItStands() {
        signIn(platform);
        Organisation school = organisationAdmin.createSchool(platform, prefix + "YS1", "测试昆明市直小学", kunming.getId(),
                SchoolKind.CITY_DIRECT, Set.of(Stage.PRIMARY), wuhua.getId());
        assertThat(school.parentId()).isEqualTo(kunming.getId());
        assertThat(organisations.registrationAuthorityOf(school.getId()).getId()).isEqualTo(wuhua.getId());

        assertRefused(() -> organisationAdmin.createSchool(platform, prefix + "YS2", "没有登记机构的小学", kunming.getId(),
                SchoolKind.CITY_DIRECT, Set.of(Stage.PRIMARY), null), "registrationAuthorityId", "R-04");
        assertRefused(() -> organisationAdmin.createSchool(platform, prefix + "YS3", "挂错上级的小学", wuhua.getId(),
                SchoolKind.CITY_DIRECT, Set.of(Stage.PRIMARY), wuhua.getId()), "parentId", "R-02");
        assertThat(organisations.findByCode(prefix + "YS2")).isEmpty();
        assertThat(organisations.findByCode(prefix + "YS3")).isEmpty();
    }

    @Test
    void R02_R04_aMovedCountySchoolBelongsToAndRegistersWithItsNewCounty() {
        signIn(henanAdmin);
        Organisation moved = organisationAdmin.moveSchool(henanAdmin, henanSchool.getId(), henanCountyB.getId());

        assertThat(moved.parentId()).isEqualTo(henanCountyB.getId());
        assertThat(organisations.registrationAuthorityOf(henanSchool.getId()).getId()).isEqualTo(henanCountyB.getId());
        assertThat(organisations.isWithin(henanSchool.getId(), henanCountyB.getId())).isTrue();
        assertThat(organisations.isWithin(henanSchool.getId(), henanCounty.getId())).isFalse();

        signIn(platform);
        assertRefused(() -> organisationAdmin.moveSchool(platform, henanSchool.getId(), wuhua.getId()), "countyId", "R-02");
        assertThat(organisations.require(henanSchool.getId(), "id").parentId()).isEqualTo(henanCountyB.getId());
    }

    @Test
    void R04_aSchoolWithARunningCaseDoesNotMoveSinceItsReviewsAreCheckedAgainstTheCountyItBelongsToNow() {
        CurrentAccount schoolAdmin = accounts.createAccount(prefix + ".school", "secret-123", "王丽", Role.SCHOOL_ADMIN,
                henanSchool.getId());
        signIn(schoolAdmin);
        SchoolClass running = schoolClasses.propose(schoolAdmin, henanSchool.getId(), new CourseDesign("课堂观察",
                CourseType.SCHOOL_TRAINING, new BigDecimal("8"), "三轮听课、评课、议课。",
                StoredEvidence.ofOrganisation(evidence, henanSchool.getId())));

        signIn(henanAdmin);
        assertRefused(() -> organisationAdmin.moveSchool(henanAdmin, henanSchool.getId(), henanCountyB.getId()),
                "schoolId", "R-04");
        assertThat(organisations.require(henanSchool.getId(), "id").parentId()).isEqualTo(henanCounty.getId());
        assertThat(organisations.registrationAuthorityOf(henanSchool.getId()).getId()).isEqualTo(henanCounty.getId());
        assertThat(openCases.of(henanSchool.getId())).extracting(OpenCases.OpenCase::caseId)
                .containsExactly(String.valueOf(running.getId()));
    }

    @Test
    void R06_aWithdrawnProviderIsNoLongerEligibleAndOnlyItsKeepersWithdrawIt() {
        signIn(henanAdmin);
        TrainingProvider school = providerAdmin.register(henanAdmin, prefix + "县教师进修学校",
                ProviderKind.COUNTY_TRAINING_SCHOOL, false, henanCounty.getId());
        assertThatThrownBy(() -> providerAdmin.register(henanAdmin, prefix + "某大学", ProviderKind.NORMAL_UNDERGRADUATE,
                true, null)).isInstanceOfSatisfying(BusinessRuleException.class,
                refusal -> assertThat(refusal.field()).isEqualTo("kind"));
        assertThat(eligibility.assess(school.getId(), Stage.PRIMARY, henanCounty.getId()).eligible()).isTrue();

        providerAdmin.withdraw(henanAdmin, school.getId());
        ProviderEligibility.Verdict verdict = eligibility.assess(school.getId(), Stage.PRIMARY, henanCounty.getId());
        assertThat(verdict.eligible()).isFalse();
        assertThat(verdict.reasonKey()).isEqualTo("provider.r06.withdrawn");

        signIn(platform);
        TrainingProvider university = providerAdmin.register(platform, prefix + "某大学", ProviderKind.NORMAL_UNDERGRADUATE,
                true, null);
        signIn(henanAdmin);
        assertNotFound(() -> providerAdmin.withdraw(henanAdmin, university.getId()), "providerId");
    }

    private void signIn(CurrentAccount account) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                account.username(), null, AuthorityUtils.createAuthorityList(account.role().authority())));
    }

    private static void assertNotFound(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
            assertThat(refusal.kind()).isEqualTo(BusinessRuleException.Kind.NOT_FOUND);
            assertThat(refusal.field()).isEqualTo(field);
        });
    }

    private static void assertRefused(Runnable action, String field, String ruleId) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
            assertThat(refusal.field()).isEqualTo(field);
            assertThat(refusal.ruleId()).isEqualTo(ruleId);
        });
    }
}
