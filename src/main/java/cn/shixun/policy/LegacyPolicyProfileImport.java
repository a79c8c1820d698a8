package cn.shixun.policy;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Policy versions used to be configured ({@code shixun.policy.profiles} in {@code application.yml});
 * they are data now ({@code policy_version}, ADR 0012). An operator's own entries that the database
 * lacks are published once at start-up, each with a warning, so that an upgrade keeps every version
 * it had; the block itself is then obsolete and start-up says so. Runs when the bean is created,
 * before {@code models.ModelSeeder} deploys the repository's newer tables: an imported version is
 * pinned to the tables deployed then, the ones it ran on before the upgrade (whose rows named no
 * version, so they answer it); on an empty database nothing is deployed yet, and
 * {@link PolicyVersionPins} pins it once the models are.
 */
@Component
class LegacyPolicyProfileImport implements InitializingBean {

    static final String PROPERTY = "shixun.policy.profiles";

    private static final Logger log = LoggerFactory.getLogger(LegacyPolicyProfileImport.class);

    /** One entry of the old block: code, version, effective-from, title. */
    record Entry(String code, int version, LocalDate effectiveFrom, String title) {
    }

    private final Environment environment;
    private final PolicyCatalogue catalogue;
    private final PolicyVersions versions;

    LegacyPolicyProfileImport(Environment environment, PolicyCatalogue catalogue, PolicyVersions versions) {
        this.environment = environment;
        this.catalogue = catalogue;
        this.versions = versions;
    }

    @Override
    public void afterPropertiesSet() {
        importMissing(Binder.get(environment).bind(PROPERTY, Bindable.listOf(Entry.class)).orElse(List.of()));
    }

    /**
     * Publishes the entries the database has no version for; how many. An incomplete entry stops
     * the start before anything is imported.
     */
    int importMissing(List<Entry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (isBlank(entry.code()) || entry.version() < 1 || entry.effectiveFrom() == null || isBlank(entry.title())) {
                throw new IllegalStateException(PROPERTY + "[" + i + "] needs code, version (1 or more), effective-from "
                        + "and title to be imported as a policy version; it has " + entry);
            }
        }
        int imported = 0;
        for (Entry entry : entries) {
            if (catalogue.exists(entry.code(), entry.version())) {
                continue;
            }
            versions.publish(new PolicyProfile(entry.code(), entry.version(), entry.effectiveFrom(), entry.title()),
                    List.of(), "application.yml");
            log.warn("Imported policy version {} v{} (in force from {}) from {} in the configuration as PUBLISHED; "
                    + "name its regions, issuing body and document number in the process owner's console",
                    entry.code(), entry.version(), entry.effectiveFrom(), PROPERTY);
            imported++;
        }
        log.warn("{} is obsolete: policy versions live in the database (policy_version) since V150; {} of its {} "
                + "entries imported now, the others were there already. Delete the block from the configuration",
                PROPERTY, imported, entries.size());
        return imported;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
