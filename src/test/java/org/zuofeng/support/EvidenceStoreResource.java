package org.zuofeng.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** A throw-away evidence store directory for the test run (and the packaged jar under test). */
public class EvidenceStoreResource implements QuarkusTestResourceLifecycleManager {

    private static Path directory;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("zuofeng-test-evidence");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("zuofeng.evidence.dir", directory.toString());
    }

    @Override
    public void stop() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                path.toFile().setWritable(true);
                path.toFile().delete();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The store's directory, for tests that check no file was left behind. */
    public static Path directory() {
        return directory;
    }
}
