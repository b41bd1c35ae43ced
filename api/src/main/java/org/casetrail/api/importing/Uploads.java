package org.casetrail.api.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where uploaded files wait while they are imported: a folder of this process's own under the temporary folder. Each
 * file is deleted when its import ends; the folders of processes that died (a crash, kill -9) are deleted when the next
 * process starts, so no copy of case data outlives the process that received it.
 */
@Component
public class Uploads {

    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);
    private static final String PREFIX = "casetrail-uploads-";

    private final Path folder;

    Uploads() throws IOException {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        removeLeftovers(temporary);
        folder = Files.createDirectories(temporary.resolve(PREFIX + ProcessHandle.current().pid()));
    }

    public Path newFile(String suffix) throws IOException {
        return Files.createTempFile(folder, "upload-", suffix);
    }

    private static void removeLeftovers(Path temporary) {
        try (Stream<Path> folders = Files.list(temporary)) {
            folders.filter(path -> path.getFileName().toString().startsWith(PREFIX))
                    .filter(path -> !alive(path.getFileName().toString().substring(PREFIX.length())))
                    .forEach(Uploads::delete);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not look for uploads left by earlier processes: {}", e.getMessage());
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException notOurs) {
            return true;
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            LOG.info("Deleted uploads left by a process that stopped: {}", folder);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", folder, e.getMessage());
        }
    }
}
