package cn.shixun.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Where the pages load bpmn-js, dmn-js and ECharts from: {@code /vendor/<name>@<version>}, with the versions
 * of the lock that {@code scripts/bpmn-io-assets.sh} copied beside the unpacked bundles (so the
 * templates never name a version).
 */
@Component
public class BpmnIoAssets {

    /** The lock as the build script left it: the stamp of what it unpacked. */
    public static final String STAMP = "static/vendor/bpmn-io.lock";

    private volatile Map<String, String> versions;

    /** E.g. {@code /vendor/bpmn-js@18.31.1}: the folder holding the package's {@code dist/} and {@code LICENSE}. */
    public String path(String name) {
        String version = versions().get(name);
        if (version == null) {
            throw new IllegalStateException("No " + name + " among the unpacked bpmn.io packages (" + STAMP
                    + "); add it to frontend/bpmn-io.lock and build again");
        }
        return "/vendor/" + name + "@" + version;
    }

    private Map<String, String> versions() {
        if (versions == null) {
            versions = read(new ClassPathResource(STAMP));
        }
        return versions;
    }

    /** Name → version of each line of a lock ({@code name version integrity licence}; # comments). */
    public static Map<String, String> read(ClassPathResource lock) {
        if (!lock.exists()) {
            throw new IllegalStateException(STAMP + " is missing: the build did not unpack the bpmn.io bundles "
                    + "(scripts/bpmn-io-assets.sh, run by Maven in generate-resources)");
        }
        try (InputStream in = lock.getInputStream()) {
            Map<String, String> versions = new LinkedHashMap<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> {
                        String[] fields = line.split("\\s+");
                        versions.put(fields[0], fields[1]);
                    });
            return Map.copyOf(versions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
