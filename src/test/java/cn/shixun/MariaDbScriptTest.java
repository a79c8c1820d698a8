package cn.shixun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "no MariaDB installed" path of {@code scripts/mariadb.sh}, on a machine that has one: the
 * script looks for the server only in PATH and the directories given, so a PATH with fake
 * {@code apt-get}, {@code id} and {@code sudo} first and no sbin directory shows what it would do
 * on a fresh machine without installing or starting anything.
 */
class MariaDbScriptTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String output, String aptCalls) {
    }

    @Test
    void asRootItInstallsMariadbServerWithAptGetNonInteractively() throws Exception {
        fake("id", "echo 0");
        Run run = start();

        // The fake apt-get installs nothing, so the script must say so instead of starting anything.
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.aptCalls().lines()).containsExactly(
                "update -q | stdin=/dev/null | frontend=noninteractive",
                "install -y -q --no-install-recommends mariadb-server | stdin=/dev/null | frontend=noninteractive");
        assertThat(run.output()).contains("installing mariadb-server")
                .contains("mariadb-server was installed but no mariadbd/mysqld binary was found");
        assertThat(dir.resolve("run/it.properties")).doesNotExist();
    }

    @Test
    void aFailedInstallStopsTheBuildWithAClearError() throws Exception {
        fake("id", "echo 0");
        Run run = start("if [ \"$1\" = install ]; then exit 100; fi");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.aptCalls().lines()).hasSize(2);
        assertThat(run.output()).contains("could not install mariadb-server with apt-get");
    }

    @Test
    void withoutRootOrPasswordlessSudoItStopsWithAClearErrorAndInstallsNothing() throws Exception {
        fake("id", "echo 1000");
        fake("sudo", "exit 1");
        Run run = start();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.aptCalls()).isEmpty();
        assertThat(run.output()).contains("not root").contains("apt-get install -y mariadb-server").contains("-DskipITs");
    }

    private Run start() throws IOException, InterruptedException {
        return start("");
    }

    /** Runs {@code mariadb.sh start} with a fake apt-get that logs its call, then runs {@code aptOutcome}. */
    private Run start(String aptOutcome) throws IOException, InterruptedException {
        Path aptLog = dir.resolve("apt.log");
        Files.writeString(aptLog, "");
        fake("apt-get", "echo \"$* | stdin=$(readlink /proc/$$/fd/0) | frontend=$DEBIAN_FRONTEND\" >> " + aptLog + "\n"
                + aptOutcome);
        ProcessBuilder builder = new ProcessBuilder("bash", "scripts/mariadb.sh", "start").redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PATH", dir.resolve("bin") + ":/usr/bin:/bin");
        env.put("SHIXUN_MARIADB_SBIN_DIRS", "");
        env.put("SHIXUN_MARIADB_DIR", dir.resolve("run").toString());
        env.remove("DEBIAN_FRONTEND");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output, Files.readString(aptLog));
    }

    private void fake(String command, String body) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve(command);
        Files.writeString(script, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
