package org.casetrail.api.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Uploads left by a process that died are deleted by the next; a live process's are not. */
class UploadsTest {

    @Test
    void leftovers_of_dead_processes_go_and_this_processs_folder_stays() throws Exception {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        Path dead = Files.createDirectories(temporary.resolve("casetrail-uploads-" + Long.MAX_VALUE));
        Files.writeString(dead.resolve("upload-1.csv"), "case data");
        Path alive = Files.createDirectories(temporary.resolve("casetrail-uploads-" + ProcessHandle.current()
                .parent().map(ProcessHandle::pid).orElse(1L)));

        Path file = new Uploads().newFile(".csv");

        assertThat(dead).doesNotExist();
        assertThat(alive).exists();
        assertThat(file.getParent().getFileName().toString())
                .isEqualTo("casetrail-uploads-" + ProcessHandle.current().pid());
        Files.delete(file);
    }
}
