package org.casetrail.api.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.casetrail.core.policeuk.PoliceUkFile;

/** The data.police.uk files in a folder, a zip, or one CSV, and the names that are not such files. */
public record PoliceUkArchive(List<PoliceUkFile> files, List<String> misnamed, AutoCloseable resource)
        implements AutoCloseable {

    /** A folder (every CSV below it), a zip, or one CSV named as data.police.uk names them. */
    public static PoliceUkArchive open(Path path) throws IOException {
        return open(path, Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * As {@link #open(Path)}, with a zip's entries and the bytes they inflate to bounded (a zip bomb of a few
     * megabytes can inflate to gigabytes): beyond either, reading stops with {@link ArchiveTooLargeException}.
     */
    public static PoliceUkArchive open(Path path, int maxEntries, long maxInflatedBytes) throws IOException {
        if (Files.isDirectory(path)) {
            List<Path> csvs;
            try (Stream<Path> walk = Files.walk(path)) {
                csvs = walk.filter(file -> file.getFileName().toString().endsWith(".csv")).sorted().toList();
            }
            List<PoliceUkFile> files = new ArrayList<>();
            List<String> misnamed = new ArrayList<>();
            for (Path csv : csvs) {
                PoliceUkFile.of(csv.getFileName().toString(), () -> Files.newInputStream(csv))
                        .ifPresentOrElse(files::add, () -> misnamed.add(csv.getFileName().toString()));
            }
            return new PoliceUkArchive(files, misnamed, () -> { });
        }
        if (isZip(path)) {
            ZipFile zip = new ZipFile(path.toFile());
            int entries = zip.size();
            if (entries > maxEntries) {
                zip.close();
                throw new ArchiveTooLargeException("the zip has " + entries + " entries; at most " + maxEntries
                        + " (casetrail.limits.zip-entries)");
            }
            AtomicLong inflated = new AtomicLong();
            List<PoliceUkFile> files = new ArrayList<>();
            List<String> misnamed = new ArrayList<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.isDirectory() || !entry.getName().endsWith(".csv")) {
                    continue;
                }
                PoliceUkFile.of(entry.getName(), () -> inflated(zip.getInputStream(entry), inflated,
                                maxInflatedBytes))
                        .ifPresentOrElse(files::add, () -> misnamed.add(entry.getName()));
            }
            return new PoliceUkArchive(files, misnamed, zip);
        }
        return single(path, path.getFileName().toString());
    }

    /** One CSV whose data.police.uk name is given apart from the file holding it (an upload). */
    public static PoliceUkArchive single(Path path, String name) {
        return PoliceUkFile.of(name, () -> Files.newInputStream(path))
                .map(file -> new PoliceUkArchive(List.of(file), List.of(), () -> { }))
                .orElseGet(() -> new PoliceUkArchive(List.of(), List.of(name), () -> { }));
    }

    public static boolean isZip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && magic[0] == 'P' && magic[1] == 'K';
        }
    }

    /** Counts the bytes every entry of one zip inflates to, together, and refuses the zip past the limit. */
    private static InputStream inflated(InputStream entry, AtomicLong inflated, long limit) {
        return new CountingInputStream(entry, n -> {
            if (inflated.addAndGet(n) > limit) {
                throw new ArchiveTooLargeException("the zip inflates to more than " + limit + " bytes "
                        + "(casetrail.limits.zip-inflated-bytes)");
            }
        });
    }

    @Override
    public void close() {
        try {
            resource.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
