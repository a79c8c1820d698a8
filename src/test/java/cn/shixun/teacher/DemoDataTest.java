package cn.shixun.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.ProviderKind;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.organisation.TrainingProvider;
import cn.shixun.organisation.TrainingProviders;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.ClassUtils;

/** The demo data every module relies on: fixed codes, key schools and their R-04 authorities, teachers 001. */
@SpringBootTest(properties = "shixun.demo-data.enabled=true")
class DemoDataTest {

    @Autowired Clock clock;
    @Autowired
    Organisations organisations;

    @Autowired
    Teachers teachers;

    @Autowired
    TeacherRepository repository;

    @Autowired
    TrainingProviders providers;

    @Autowired
    List<ApplicationRunner> runners;

    @Test
    void R02_fixedRegionsWithTheirPolicyProfiles() {
        assertThat(organisations.list(OrganisationLevel.PROVINCE, null)).extracting(Organisation::code).contains("410000", "530000");
        assertThat(org("410000").ownPolicyProfile()).isEqualTo("henan-2016");
        assertThat(org("411200").ownPolicyProfile()).isEqualTo("sanmenxia-2023");
        assertThat(org("530100").ownPolicyProfile()).isEqualTo("kunming-2015");
        assertThat(organisations.effectivePolicyProfile(org("4101050001").getId())).isEqualTo("henan-2016");
        assertThat(organisations.effectivePolicyProfile(org("4112020001").getId())).isEqualTo("sanmenxia-2023");
        assertThat(organisations.effectivePolicyProfile(org("5301020001").getId())).isEqualTo("kunming-2015");
        assertThat(organisations.children(org("410100").getId())).extracting(Organisation::code)
                .contains("410102", "410103", "410105", "4101000001", "4101000002");
        for (String county : List.of("410102", "410103", "410105", "410702", "410703", "410202", "410204", "411202", "411221",
                "530102", "530103", "530111")) {
            assertThat(org(county).level()).isEqualTo(OrganisationLevel.COUNTY);
            assertThat(organisations.schoolsUnder(org(county).getId())).as(county).hasSizeBetween(3, 5);
        }
    }

    @Test
    void R04_keySchoolsAndTheirRegistrationAuthorities() {
        assertSchool("4101050001", "郑州市金水区文化路第一小学", SchoolKind.COUNTY_SCHOOL, "410105", "410105", Stage.PRIMARY);
        assertSchool("4101000001", "郑州市第一中学", SchoolKind.CITY_DIRECT, "410100", "410100", Stage.JUNIOR_MIDDLE, Stage.SENIOR_HIGH);
        assertSchool("4101000002", "郑州市直属机关幼儿园", SchoolKind.CITY_DIRECT, "410100", "410105", Stage.KINDERGARTEN);
        assertSchool("4100000001", "河南省实验中学", SchoolKind.PROVINCE_DIRECT, "410000", "410100", Stage.JUNIOR_MIDDLE, Stage.SENIOR_HIGH);
        assertSchool("4112020001", "三门峡市湖滨区实验小学", SchoolKind.COUNTY_SCHOOL, "411202", "411202", Stage.PRIMARY);
        assertSchool("5301020001", "昆明市五华区武成小学", SchoolKind.COUNTY_SCHOOL, "530102", "530102", Stage.PRIMARY);
    }

    @Test
    void R01_teacherOneOfEverySchoolIsARegularRegistrableTeacher() {
        LocalDate today = LocalDate.now(clock);
        for (Organisation school : organisations.list(OrganisationLevel.SCHOOL, null)) {
            Teacher first = teachers.findByStaffNumber(school.code() + "001").orElseThrow();
            assertThat(first.schoolId()).isEqualTo(school.getId());
            assertThat(first.isRegistrable()).as(first.staffNumber()).isTrue();
            assertThat(first.isNewTeacherOn(today)).isFalse();
            assertThat(first.principalAppointedOn()).isNull();
            assertThat(school.stages()).contains(first.stage());
        }
        Teacher zhengzhou = teachers.findByStaffNumber("4101050001001").orElseThrow();
        assertThat(zhengzhou.lastCertificateIssuedOn()).isNotNull();
        assertThat(teachers.findByStaffNumber("5301020001001").orElseThrow().lastCertificateIssuedOn()).isNull();
    }

    @Test
    void R11_aFewHundredTeachersWithNewTeachersPrincipalsAndSomeWithoutCertificate() {
        List<Teacher> all = repository.findAll();
        LocalDate today = LocalDate.now(clock);
        assertThat(all).hasSizeBetween(380, 450);
        long uncertified = all.stream().filter(t -> t.qualificationCertificateNumber() == null).count();
        assertThat(uncertified).isBetween(4L, 25L);
        assertThat(all.stream().filter(t -> t.hireDate().getYear() == 2026 && t.isNewTeacherOn(today)).count()).isGreaterThan(10);
        assertThat(all.stream().filter(t -> t.principalAppointedOn() != null).count()).isEqualTo(organisations.list(OrganisationLevel.SCHOOL, null).size());
        assertThat(all.stream().filter(t -> t.isNewPrincipalOn(today))).isNotEmpty();
        assertThat(all.stream().filter(t -> t.lastCertificateIssuedOn() != null).count()).isGreaterThan(40);
        assertThat(all).allSatisfy(t -> assertThat(t.hireDate()).isBetween(LocalDate.of(1990, 1, 1), today));
        assertThat(all.stream().map(Teacher::gender).collect(Collectors.toSet())).containsExactlyInAnyOrder("男", "女");
    }

    @Test
    void R06_providersCoverEveryKind() {
        Map<String, TrainingProvider> byName = providers.all().stream().collect(Collectors.toMap(TrainingProvider::name, Function.identity()));
        assertThat(byName.get("河南师范大学").kind()).isEqualTo(ProviderKind.NORMAL_UNDERGRADUATE);
        assertThat(byName.get("中国教师教育网").kind()).isEqualTo(ProviderKind.ONLINE_PLATFORM);
        assertThat(byName.get("郑州幼儿师范高等专科学校").kind()).isEqualTo(ProviderKind.NORMAL_JUNIOR_COLLEGE);
        assertThat(byName.get("金水区教师进修学校").countyId()).isEqualTo(org("410105").getId());
        assertThat(byName.values()).anySatisfy(p -> assertThat(p.kind()).isEqualTo(ProviderKind.OTHER));
    }

    @Test
    void runningTheDemoDataAgainChangesNothing() throws Exception {
        long teachersBefore = repository.count();
        int schoolsBefore = organisations.list(null, null).size();
        int providersBefore = providers.all().size();
        List<ApplicationRunner> demoRunners = runners.stream()
                .filter(runner -> List.of("OrganisationDemoData", "TeacherDemoData").contains(ClassUtils.getUserClass(runner).getSimpleName()))
                .toList();
        assertThat(demoRunners).hasSize(2);
        for (ApplicationRunner runner : demoRunners) {
            runner.run(null);
        }
        assertThat(repository.count()).isEqualTo(teachersBefore);
        assertThat(organisations.list(null, null)).hasSize(schoolsBefore);
        assertThat(providers.all()).hasSize(providersBefore);
    }

    private Organisation org(String code) {
        return organisations.findByCode(code).orElseThrow(() -> new AssertionError("missing " + code));
    }

    private void assertSchool(String code, String name, SchoolKind kind, String parent, String authority, Stage... stages) {
        Organisation school = org(code);
        assertThat(school.name()).isEqualTo(name);
        assertThat(school.schoolKind()).isEqualTo(kind);
        assertThat(school.parentId()).isEqualTo(org(parent).getId());
        assertThat(organisations.registrationAuthorityOf(school.getId()).code()).isEqualTo(authority);
        assertThat(school.stages()).containsExactlyInAnyOrder(stages);
    }
}
