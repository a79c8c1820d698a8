package cn.shixun.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An operator's own {@code shixun.policy.profiles} block (the configuration before ADR 0012) still
 * set at the upgrade: the entries the database lacks are published once and pinned at start-up like
 * the seeded versions; an entry the database has is left as the database has it.
 */
@SpringBootTest(properties = {
        "shixun.policy.profiles[0].code=henan-2016",
        "shixun.policy.profiles[0].version=1",
        "shixun.policy.profiles[0].effective-from=2016-01-01",
        "shixun.policy.profiles[0].title=河南（旧配置中的标题）",
        "shixun.policy.profiles[1].code=zhengzhou-2017",
        "shixun.policy.profiles[1].version=1",
        "shixun.policy.profiles[1].effective-from=2017-03-01",
        "shixun.policy.profiles[1].title=郑州市教育局关于贯彻落实省中小幼儿园教师继续教育学时登记管理暂行意见的通知"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class LegacyPolicyProfileImportTest {

    @Autowired LegacyPolicyProfileImport legacyImport;
    @Autowired PolicyProfiles profiles;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anEntryTheDatabaseLacksIsPublishedAtStartUp_andPinnedToTheFourTablesAfterTheModelsAreDeployed() {
        PolicyProfile zhengzhou = profiles.version("zhengzhou-2017", LocalDate.of(2018, 1, 1));
        assertThat(zhengzhou.title()).isEqualTo("郑州市教育局关于贯彻落实省中小幼儿园教师继续教育学时登记管理暂行意见的通知");
        assertThat(zhengzhou.effectiveFrom()).isEqualTo(LocalDate.of(2017, 3, 1));
        assertThat(zhengzhou.decisions()).containsOnlyKeys(PolicyDecisions.TABLES);
        assertThat(jdbc.queryForMap("SELECT state, created_by FROM policy_version WHERE profile_code = 'zhengzhou-2017'"))
                .containsEntry("STATE", "PUBLISHED").containsEntry("CREATED_BY", "application.yml");
    }

    @Test
    void anEntryTheDatabaseHasIsLeftAsTheDatabaseHasIt() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM policy_version WHERE profile_code = 'henan-2016'", Integer.class))
                .isEqualTo(1);
        assertThat(profiles.version("henan-2016", LocalDate.of(2020, 1, 1)).title())
                .isEqualTo("河南省中小学教师继续教育学时登记管理暂行意见（教师〔2016〕724号）");
    }

    @Test
    void theEntriesAreImportedOnce_aLaterStartImportsNothingAndStillWarnsToDeleteTheBlock(CapturedOutput output) {
        Integer versions = jdbc.queryForObject("SELECT COUNT(*) FROM policy_version", Integer.class);

        int imported = legacyImport.importMissing(List.of(
                new LegacyPolicyProfileImport.Entry("henan-2016", 1, LocalDate.of(2016, 1, 1), "河南"),
                new LegacyPolicyProfileImport.Entry("zhengzhou-2017", 1, LocalDate.of(2017, 3, 1), "郑州")));

        assertThat(imported).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM policy_version", Integer.class)).isEqualTo(versions);
        assertThat(output).contains("shixun.policy.profiles is obsolete").contains("Delete the block");
    }

    @Test
    void aNewEntryIsPublishedWithAWarningNamingIt(CapturedOutput output) {
        int imported = legacyImport.importMissing(List.of(
                new LegacyPolicyProfileImport.Entry("kaifeng-2018", 1, LocalDate.of(2018, 9, 1), "开封市全员培训")));

        assertThat(imported).isEqualTo(1);
        assertThat(profiles.version("kaifeng-2018", LocalDate.of(2019, 1, 1)).title()).isEqualTo("开封市全员培训");
        assertThat(output).contains("Imported policy version kaifeng-2018 v1");
    }

    @Test
    void anEntryWithoutItsEffectiveDateStopsTheStartWithTheEntryNamed_andImportsNothing() {
        Integer versions = jdbc.queryForObject("SELECT COUNT(*) FROM policy_version", Integer.class);

        assertThatThrownBy(() -> legacyImport.importMissing(List.of(
                new LegacyPolicyProfileImport.Entry("luoyang-2019", 1, LocalDate.of(2019, 1, 1), "洛阳"),
                new LegacyPolicyProfileImport.Entry("xuchang-2019", 1, null, "许昌"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("shixun.policy.profiles[1]")
                .hasMessageContaining("effective-from");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM policy_version", Integer.class)).isEqualTo(versions);
    }
}
