package cn.shixun.processowner;

import cn.shixun.shared.web.BpmnIoAssets;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's bpmn.io bundles are the reviewed ones (ADR 0012 §3): what the build unpacked
 * matches {@code frontend/bpmn-io.lock}, and {@code scripts/bpmn-io-assets.sh} refuses a tarball
 * whose integrity or declared licence differs from the lock — the build fails and nothing is unpacked.
 * Runs on the tarballs the build fetched ({@code target/npm-cache}), without the network.
 */
class BpmnIoAssetsTest {

    static final Path LOCK = Path.of("frontend", "bpmn-io.lock");
    static final Path CACHE = Path.of("target", "npm-cache");
    static final Path VENDOR = Path.of("target", "classes", "static", "vendor");

    record Line(String name, String version, String integrity, String licence) {

        Path tarball() {
            return CACHE.resolve(name + "-" + version + ".tgz");
        }
    }

    @Test
    void theBuildUnpackedExactlyTheLockedPackagesWithTheirLicence() throws Exception {
        List<Line> lines = lines(Files.readString(LOCK));
        assertThat(lines).extracting(Line::name).containsExactly("bpmn-js", "dmn-js", "camunda-bpmn-moddle", "echarts");
        assertThat(Files.readString(VENDOR.resolve("bpmn-io.lock"))).as("the stamp").startsWith(Files.readString(LOCK));
        for (Line line : lines.subList(0, 2)) {
            assertThat(sha512(line.tarball())).as("integrity of %s", line.tarball()).isEqualTo(line.integrity());
            Path unpacked = VENDOR.resolve(line.name() + "@" + line.version());
            assertThat(Files.readString(unpacked.resolve("LICENSE"))).as("%s's licence beside its bundle", line.name())
                    .contains("watermark must stay fully visible");
            assertThat(unpacked.resolve("dist/assets/diagram-js.css")).isRegularFile();
        }
        assertThat(VENDOR.resolve("bpmn-js@" + lines.get(0).version() + "/dist/bpmn-navigated-viewer.production.min.js"))
                .content().startsWith("/*! bpmn-js - bpmn-navigated-viewer v" + lines.get(0).version());
        assertThat(VENDOR.resolve("dmn-js@" + lines.get(1).version() + "/dist/dmn-viewer.production.min.js"))
                .content().startsWith("/*! dmn-js - dmn-viewer v" + lines.get(1).version());
        assertThat(VENDOR.resolve("bpmn-js@" + lines.get(0).version() + "/dist/bpmn-modeler.production.min.js"))
                .as("the draft editor's modeler").content().startsWith("/*! bpmn-js - bpmn-modeler v" + lines.get(0).version());
        assertThat(VENDOR.resolve("dmn-js@" + lines.get(1).version() + "/dist/dmn-modeler.production.min.js"))
                .as("the draft editor's modeler").content().startsWith("/*! dmn-js - dmn-modeler v" + lines.get(1).version());
        assertThat(VENDOR.resolve("dmn-js@" + lines.get(1).version() + "/dist/assets/dmn-js-decision-table-controls.css"))
                .as("the table editor's controls").isRegularFile();
        Line moddle = lines.get(2);
        assertThat(sha512(moddle.tarball())).as("integrity of %s", moddle.tarball()).isEqualTo(moddle.integrity());
        Path descriptor = VENDOR.resolve("camunda-bpmn-moddle@" + moddle.version());
        assertThat(descriptor.resolve("LICENSE")).as("the MIT licence beside it").content().contains("Permission is hereby granted");
        assertThat(descriptor.resolve("resources/camunda.json")).as("the modeler's camunda: types")
                .content().contains("\"prefix\": \"camunda\"", "\"name\": \"Properties\"");
        Line echarts = lines.get(3);
        assertThat(sha512(echarts.tarball())).as("integrity of %s", echarts.tarball()).isEqualTo(echarts.integrity());
        Path charts = VENDOR.resolve("echarts@" + echarts.version());
        assertThat(charts.resolve("LICENSE")).as("the Apache licence beside it").content().contains("Apache License");
        assertThat(charts.resolve("NOTICE")).as("its NOTICE, as Apache-2.0 asks").content().contains("Apache ECharts");
        assertThat(charts.resolve("dist/echarts.min.js")).isRegularFile();
        assertThat(BpmnIoAssets.read(new org.springframework.core.io.ClassPathResource(BpmnIoAssets.STAMP)))
                .containsEntry("bpmn-js", lines.get(0).version()).containsEntry("dmn-js", lines.get(1).version());
    }

    @Test
    void aTarballWhoseIntegrityDiffersFromTheLockFailsTheBuild_andNothingIsUnpacked(@TempDir Path work) throws Exception {
        String lock = Files.readString(LOCK);
        Line bpmnJs = lines(lock).get(0);
        String wrong = "sha512-" + Base64.getEncoder().encodeToString(new byte[64]);

        Result result = runScript(work, lock.replace(bpmnJs.integrity(), wrong));

        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("integrity", bpmnJs.name() + "@" + bpmnJs.version(), wrong);
        assertThat(work.resolve("vendor")).doesNotExist();
    }

    @Test
    void aTarballDeclaringAnotherLicenceThanTheLockFailsTheBuild(@TempDir Path work) throws Exception {
        String lock = Files.readString(LOCK);
        Line dmnJs = lines(lock).get(1);
        String line = String.join(" ", dmnJs.name(), dmnJs.version(), dmnJs.integrity(), dmnJs.licence());

        Result result = runScript(work, lock.replace(line, line.replace(dmnJs.licence(), "MIT")));

        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("dmn-js@" + dmnJs.version() + " declares the licence 'SEE LICENSE IN LICENSE'");
        assertThat(work.resolve("vendor")).doesNotExist();
    }

    @Test
    void theScriptUnpacksFromTheCacheAndThenDoesNothingWhileTheStampMatches(@TempDir Path work) throws Exception {
        String lock = Files.readString(LOCK);
        assertThat(runScript(work, lock).exit()).isZero();
        assertThat(Files.readString(work.resolve("vendor/bpmn-io.lock"))).startsWith(lock);
        Path license = work.resolve("vendor/bpmn-js@" + lines(lock).get(0).version() + "/LICENSE");
        Files.delete(license);

        Result again = runScript(work, lock);

        assertThat(again.exit()).isZero();
        assertThat(again.output()).contains("matches");
        assertThat(license).as("nothing unpacked again").doesNotExist();
    }

    @Test
    void aVendorFolderUnpackedWithAnOlderFileListIsUnpackedAgain(@TempDir Path work) throws Exception {
        String lock = Files.readString(LOCK);
        assertThat(runScript(work, lock).exit()).isZero();
        Path modeler = work.resolve("vendor/dmn-js@" + lines(lock).get(1).version() + "/dist/dmn-modeler.production.min.js");
        Files.delete(modeler);
        Files.writeString(work.resolve("vendor/bpmn-io.lock"), lock); // the stamp of the viewer-only script

        Result again = runScript(work, lock);

        assertThat(again.exit()).isZero();
        assertThat(again.output()).contains("unpacked dmn-js@");
        assertThat(modeler).as("unpacked again").isRegularFile();
    }

    record Result(int exit, String output) {
    }

    /** The build script with {@code lock}, the build's tarballs copied into a cache of its own, unpacking into {@code work/vendor}. */
    private static Result runScript(Path work, String lock) throws IOException, InterruptedException {
        Path lockFile = Files.writeString(work.resolve("bpmn-io.lock"), lock);
        Path cache = Files.createDirectories(work.resolve("cache"));
        for (Line line : lines(Files.readString(LOCK))) {
            Files.copy(line.tarball(), cache.resolve(line.tarball().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder script = new ProcessBuilder("bash", Path.of("scripts", "bpmn-io-assets.sh").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        script.environment().put("BPMN_IO_LOCK", lockFile.toAbsolutePath().toString());
        script.environment().put("BPMN_IO_CACHE", cache.toAbsolutePath().toString());
        script.environment().put("BPMN_IO_VENDOR", work.resolve("vendor").toAbsolutePath().toString());
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static List<Line> lines(String lock) {
        return lock.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+", 4)).map(f -> new Line(f[0], f[1], f[2], f[3])).toList();
    }

    private static String sha512(Path file) throws IOException, NoSuchAlgorithmException {
        return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(file)));
    }
}
