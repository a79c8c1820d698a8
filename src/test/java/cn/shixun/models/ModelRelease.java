package cn.shixun.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** The repository's models and forms as a later release ships them: copied to a directory, one file changed. */
final class ModelRelease {

    private ModelRelease() {
    }

    /** Copies {@code processes/} and {@code forms/} into {@code release}, changes {@code file} and reads the models as start-up does. */
    static List<BundledModel> with(Path release, String file, UnaryOperator<String> change) throws IOException {
        for (String directory : List.of("processes", "forms")) {
            try (Stream<Path> files = Files.list(Path.of(directory))) {
                for (Path source : files.toList()) {
                    Files.copy(source, release.resolve(source.getFileName()));
                }
            }
        }
        Path changed = release.resolve(file);
        String before = Files.readString(changed);
        String after = change.apply(before);
        assertThat(after).as("the change to " + file).isNotEqualTo(before);
        Files.writeString(changed, after);
        return ModelSeeder.bundled(release.toUri().toString());
    }

    /** The same with {@code camunda:versionTag="2"} for "1" and the process name of {@code file} changed: a newer release of it. */
    static List<BundledModel> newerVersionOf(Path release, String file, String name) throws IOException {
        return with(release, file, model -> model.replace("camunda:versionTag=\"1\"", "camunda:versionTag=\"2\"")
                .replace("name=\"" + name + "\"", "name=\"" + name + "（2027）\""));
    }
}
