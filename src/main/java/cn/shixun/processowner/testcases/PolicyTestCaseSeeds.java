package cn.shixun.processowner.testcases;

import cn.shixun.ledger.StatusArithmetic;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Imports the repository's test cases ({@code policy/test-cases/<profile>.json}, the R-cases of the
 * domain tests) into a database that lacks them, once per case: a case a process owner has since
 * changed keeps his change, because a seed key present is never imported again.
 */
@Component
class PolicyTestCaseSeeds {

    private static final Logger log = LoggerFactory.getLogger(PolicyTestCaseSeeds.class);
    static final String LOCATION = "classpath:policy/test-cases/*.json";
    static final String SEEDED_BY = "repository seed";

    /** A case as written in a seed file: the profile is the file's name. */
    record Seed(String key, String name, LocalDate asOf, PolicyTestCase.TeacherFacts teacher,
                List<StatusArithmetic.Entry> entries, Map<String, PolicyTestCase.Expectation> expected) {
    }

    private final PolicyTestCases cases;
    private final ObjectMapper json;

    PolicyTestCaseSeeds(PolicyTestCases cases, ObjectMapper json) {
        this.cases = cases;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void importMissing() {
        Set<String> present = cases.seedKeys();
        int imported = 0;
        for (Resource file : files()) {
            String profileCode = file.getFilename().replaceFirst("\\.json$", "");
            for (Seed seed : read(file)) {
                if (present.contains(seed.key())) {
                    continue;
                }
                try {
                    cases.add(new PolicyTestCase(null, profileCode, seed.key(), seed.name(), seed.asOf(), seed.teacher(),
                            seed.entries(), seed.expected(), 0), SEEDED_BY);
                    imported++;
                } catch (DuplicateKeyException raceWithAnotherNode) {
                    // Another node starting at the same time imported it first.
                }
            }
        }
        if (imported > 0) {
            log.info("Imported {} policy test cases from {}", imported, LOCATION);
        }
    }

    private static Resource[] files() {
        try {
            return new PathMatchingResourcePatternResolver().getResources(LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Seed> read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            // Strict, unlike the API's mapper: a misspelt field in a seed must not silently drop an expectation.
            return List.of(json.readerFor(Seed[].class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .<Seed[]>readValue(in));
        } catch (IOException e) {
            throw new UncheckedIOException("policy test case seed " + file.getFilename() + " is unreadable", e);
        }
    }
}
