package cn.shixun.exemption;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The city review a process owner adds to degreeExemption ({@link CityRecheckStep}) runs on the model
 * alone (issue 12, second "Done when"; ADR 0011): no Java of the application names its step, by id or
 * by name, so its statuses, routing and crediting come from the model.
 */
class CityRecheckStepNeedsNoJavaTest {

    @Test
    void noJavaFileUnderSrcMainNamesTheAddedStep() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> naming = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> read(file).contains(CityRecheckStep.TASK_ID) || read(file).contains(CityRecheckStep.NAME))
                    .toList();
            assertThat(naming).as("Java files naming " + CityRecheckStep.TASK_ID + " or " + CityRecheckStep.NAME).isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
