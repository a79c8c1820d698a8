package cn.shixun.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shixun.ledger.Evidence;
import cn.shixun.ledger.Ledger;
import cn.shixun.ledger.LedgerEntry;
import cn.shixun.ledger.TeacherStatus;
import cn.shixun.ledger.TeacherStatusQuery;
import cn.shixun.organisation.Organisation;
import cn.shixun.organisation.OrganisationLevel;
import cn.shixun.organisation.Organisations;
import cn.shixun.organisation.SchoolKind;
import cn.shixun.organisation.Stage;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.teacher.Teacher;
import cn.shixun.teacher.Teachers;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Policy versions are data with pinned decision tables (ADR 0012): a new notice is published as
 * a new version with its own rows and pins, chosen by date, and neither it nor a table deployed
 * beside it changes a period under the version before. Each test takes back what it published or
 * deployed, so that the context (and database) shared with other tests runs the shipped versions.
 */
@SpringBootTest
class PolicyVersionsTest {

    private static final String SANMENXIA = "sanmenxia-2023";
    /** Schools, certificates and profile codes of this run: a rerun on the same database (MariaDB) does not collide. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(5000, 9000));
    private static final Pattern RULE = Pattern.compile("<rule id=.*?</rule>", Pattern.DOTALL);

    @Autowired PolicyVersions versions;
    @Autowired PolicyProfiles profiles;
    @Autowired TeacherStatusQuery status;
    @Autowired Ledger ledger;
    @Autowired Organisations organisations;
    @Autowired Teachers teachers;
    @Autowired RepositoryService repository;
    @Autowired JdbcTemplate jdbc;

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void R10_version2PublishedForFrom2026_the2026StatusUsesItsMinimum_2024AndA2025EntryStayOnVersion1() throws IOException {
        Teacher teacher = sanmenxiaTeacher();
        credit(teacher, d("2024-05-01"), "20");
        TeacherStatus before = status.statusOf(teacher.getId(), d("2024-11-01"));
        assertThat(before.requirement("YEAR_PUBLIC").required()).isEqualByComparingTo("30");

        // The 2026 notice as the console's "copy as new version" makes it: every sanmenxia row of each
        // table copied for version 2, the public-course minimum lowered from 30 to 20 in the copy; the
        // four tables deployed as a process owner's REST deployment would arrive.
        Map<String, String> pins = deploy("sanmenxia-2026", Map.of(
                "requirements", withVersion2Rows("requirements",
                        row -> row.replace("<outputEntry id=\"Out_requirements_09_3_v2\"><text>30</text>",
                                "<outputEntry id=\"Out_requirements_09_3_v2\"><text>20</text>")),
                "cycleRules", withVersion2Rows("cycleRules", UnaryOperator.identity()),
                "creditRules", withVersion2Rows("creditRules", UnaryOperator.identity()),
                "recognisedCertificates", withVersion2Rows("recognisedCertificates", UnaryOperator.identity())));
        try {
            versions.publish(new PolicyProfile(SANMENXIA, 2, d("2026-01-01"), "三门峡市2026年基础教育教师继续教育工作实施方案",
                    null, "三门峡市教育局", null, pins), List.of("411200"), "process.owner");

            TeacherStatus y2024 = status.statusOf(teacher.getId(), d("2024-11-01"));
            assertThat(y2024.profile().version()).isEqualTo(1);
            assertThat(y2024.requirement("YEAR_PUBLIC").required()).isEqualByComparingTo("30");
            assertThat(y2024.requirement("YEAR_PUBLIC").missing()).isEqualByComparingTo("10");
            assertThat(y2024.decisions()).isEqualTo(before.decisions());

            LedgerEntry in2025 = credit(teacher, d("2025-05-01"), "30");
            LedgerEntry in2026 = credit(teacher, d("2026-05-01"), "20");
            assertThat(in2025.profileCode()).isEqualTo(SANMENXIA);
            assertThat(in2025.profileVersion()).isEqualTo(1);
            assertThat(in2026.profileVersion()).isEqualTo(2);
            assertThat(in2026.decisionVersion()).isEqualTo(versionOf(pins.get("creditRules")));

            TeacherStatus y2026 = status.statusOf(teacher.getId(), d("2026-10-01"));
            assertThat(y2026.profile().version()).isEqualTo(2);
            assertThat(y2026.profile().title()).isEqualTo("三门峡市2026年基础教育教师继续教育工作实施方案");
            assertThat(y2026.requirement("YEAR_PUBLIC").required()).isEqualByComparingTo("20");
            assertThat(y2026.requirement("YEAR_PUBLIC").met()).isTrue();
            assertThat(y2026.requirements()).extracting(TeacherStatus.RequirementStatus::code).doesNotHaveDuplicates();
            assertThat(y2026.decisions()).contains(new DecisionRef("requirements", versionOf(pins.get("requirements"))));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE profile_code = ? AND profile_version = 1 "
                    + "AND id = ?", Integer.class, SANMENXIA, in2025.getId())).isEqualTo(1);
        } finally {
            withdrawVersion2AndUndeploy(pins);
        }
    }

    @Test
    void R10_aRequirementsTableDeployedWithoutANewPolicyVersionChangesNothingForThePublishedVersion() throws IOException {
        Teacher teacher = sanmenxiaTeacher();
        credit(teacher, d("2024-05-01"), "30");
        TeacherStatus before = status.statusOf(teacher.getId(), d("2024-11-01"));
        assertThat(before.requirement("YEAR_PUBLIC").met()).isTrue();

        String raised = Files.readString(FileDecisions.file("requirements"))
                .replace("<outputEntry id=\"Out_requirements_09_3\"><text>30</text>",
                        "<outputEntry id=\"Out_requirements_09_3\"><text>40</text>");
        String edited = repository.createDeployment().name("requirements-edited").source("Camunda Modeler")
                .addString("requirements.dmn", raised).deploy().getId();
        try {
            TeacherStatus after = status.statusOf(teacher.getId(), d("2024-11-01"));
            assertThat(after.requirement("YEAR_PUBLIC").required()).isEqualByComparingTo("30");
            assertThat(after.requirement("YEAR_PUBLIC").met()).isTrue();
            assertThat(after.decisions()).isEqualTo(before.decisions());
        } finally {
            repository.deleteDeployment(edited, true);
        }
    }

    @Test
    void aVersionPublishedOnAnotherNodeIsChosenOnceTheCatalogueRevisionChanges() throws InterruptedException {
        String code = "kaifeng-" + SEQUENCE.incrementAndGet();
        assertThatThrownBy(() -> profiles.version(code, d("2026-06-01"))).isInstanceOf(BusinessRuleException.class);
        // What another node's publication leaves in the database: the rows and a new revision.
        jdbc.update("INSERT INTO policy_profile (code, name, created_at) VALUES (?, '开封市', CURRENT_TIMESTAMP)", code);
        jdbc.update("INSERT INTO policy_version (profile_code, version, notice_title, effective_from, state, created_by, "
                + "created_at) VALUES (?, 1, '开封市中小学教师继续教育全员培训', DATE '2018-09-01', 'PUBLISHED', "
                + "'another node', CURRENT_TIMESTAMP)", code);
        jdbc.update("UPDATE policy_catalogue SET revision = revision + 1 WHERE id = 1");

        PolicyProfile found = null;
        for (int i = 0; i < 30 && found == null; i++) {
            try {
                found = profiles.version(code, d("2026-06-01"));
            } catch (BusinessRuleException notYet) {
                Thread.sleep(100);
            }
        }
        assertThat(found).isNotNull();
        assertThat(found.title()).isEqualTo("开封市中小学教师继续教育全员培训");
    }

    @Test
    void aVersionNumberIsPublishedOnce_aPublishedVersionIsNeverEdited() {
        assertThatThrownBy(() -> versions.publish(new PolicyProfile(SANMENXIA, 1, d("2023-01-01"), "改过的标题"),
                List.of(), "process.owner"))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("policy.version-exists");
        assertThat(jdbc.queryForObject("SELECT notice_title FROM policy_version WHERE profile_code = ? AND version = 1",
                String.class, SANMENXIA)).isEqualTo("三门峡市（2023-2025年）基础教育教师继续教育工作实施方案");
    }

    @Test
    void theSeededVersionsArePublishedWithTheirNoticeAndPinnedToTheFourTablesAtStartUp() {
        PolicyProfile henan = profiles.version("henan-2016", d("2020-01-01"));
        assertThat(henan.documentNumber()).isEqualTo("教师〔2016〕724号");
        assertThat(henan.issuingBody()).isEqualTo("河南省教育厅");
        assertThat(henan.decisions()).containsOnlyKeys("requirements", "cycleRules", "creditRules", "recognisedCertificates");
        PolicyProfile sanmenxia = profiles.version(SANMENXIA, d("2024-01-01"));
        assertThat(sanmenxia.effectiveTo()).isEqualTo(d("2025-12-31"));
        assertThat(jdbc.queryForList("SELECT organisation_code FROM policy_version_region r JOIN policy_version v "
                + "ON v.id = r.policy_version_id WHERE v.profile_code = ? AND v.version = 1", String.class, SANMENXIA))
                .containsExactly("411200");
    }

    /** The table file with every sanmenxia-2023 v1 row followed by its copy for v2 (ids suffixed {@code _v2}), changed by {@code change}. */
    private static String withVersion2Rows(String decisionKey, UnaryOperator<String> change) throws IOException {
        String table = Files.readString(FileDecisions.file(decisionKey));
        Matcher rule = RULE.matcher(table);
        StringBuilder out = new StringBuilder();
        int copies = 0;
        while (rule.find()) {
            String row = rule.group();
            String copy = "";
            if (row.contains("<text>&quot;" + SANMENXIA + "&quot;</text>")) {
                copy = "\n      " + change.apply(row.replaceAll("id=\"([^\"]+)\"", "id=\"$1_v2\"")
                        .replaceFirst("(<inputEntry id=\"In_" + decisionKey + "_\\d+_1_v2\"><text>)1(</text>)", "$12$2"));
                copies++;
            }
            rule.appendReplacement(out, Matcher.quoteReplacement(row + copy));
        }
        rule.appendTail(out);
        assertThat(copies).as(decisionKey + " has sanmenxia rows").isPositive();
        return out.toString();
    }

    /** Takes back test 1's publication: the version's rows, the catalogue's revision, the deployment. */
    private void withdrawVersion2AndUndeploy(Map<String, String> pins) {
        jdbc.update("DELETE FROM policy_version_decision WHERE policy_version_id IN "
                + "(SELECT id FROM policy_version WHERE profile_code = ? AND version = 2)", SANMENXIA);
        jdbc.update("DELETE FROM policy_version_region WHERE policy_version_id IN "
                + "(SELECT id FROM policy_version WHERE profile_code = ? AND version = 2)", SANMENXIA);
        jdbc.update("DELETE FROM policy_version WHERE profile_code = ? AND version = 2", SANMENXIA);
        jdbc.update("UPDATE policy_catalogue SET revision = revision + 1 WHERE id = 1");
        profiles.reload();
        repository.deleteDeployment(repository.getDecisionDefinition(pins.get("requirements")).getDeploymentId(), true);
    }

    /** Deploys the tables in one deployment; the new definition id per table. */
    private Map<String, String> deploy(String name, Map<String, String> tables) {
        DeploymentBuilder deployment = repository.createDeployment().name(name).source("Camunda Modeler");
        tables.forEach((key, xml) -> deployment.addString(key + ".dmn", xml));
        String id = deployment.deploy().getId();
        Map<String, String> pins = new HashMap<>();
        for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().deploymentId(id).list()) {
            pins.put(definition.getKey(), definition.getId());
        }
        assertThat(pins).containsOnlyKeys(tables.keySet());
        return pins;
    }

    private int versionOf(String definitionId) {
        return repository.getDecisionDefinition(definitionId).getVersion();
    }

    private LedgerEntry credit(Teacher teacher, LocalDate date, String hours) {
        return ledger.register(teacher.getId(), Claim.of(ClaimKind.PUBLIC_COURSE, date).hours(hours).build(),
                Evidence.project("P", "PV-" + SEQUENCE.incrementAndGet()), "officer");
    }

    /** A primary teacher at a new school of a county of Sanmenxia (city 411200, profile sanmenxia-2023). */
    private Teacher sanmenxiaTeacher() {
        Organisation province = organisations.findByCode("410000").orElseGet(() -> organisations.createRegion("410000",
                "河南省", OrganisationLevel.PROVINCE, null, "henan-2016"));
        Organisation city = organisations.findByCode("411200").orElseGet(() -> organisations.createRegion("411200",
                "三门峡市", OrganisationLevel.CITY, province.getId(), SANMENXIA));
        Organisation county = organisations.findByCode("411202").orElseGet(() -> organisations.createRegion("411202",
                "湖滨区", OrganisationLevel.COUNTY, city.getId(), null));
        String code = "411202" + SEQUENCE.incrementAndGet();
        Long school = organisations.createSchool(code, "测试学校" + code, county.getId(), EnumSet.of(Stage.PRIMARY),
                SchoolKind.COUNTY_SCHOOL, county.getId()).getId();
        return teachers.hire("T" + code, "测试教师", "女", school, Stage.PRIMARY, "语文",
                String.format("2016%013d", System.nanoTime() % 10_000_000_000_000L), d("2010-09-01"));
    }
}
