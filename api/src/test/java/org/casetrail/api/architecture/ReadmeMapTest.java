package org.casetrail.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README's "Where things live" names every package of every module, so that the map matches the tree, and every
 * package says what it is in its package-info.java.
 */
class ReadmeMapTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> MODULES = List.of("core", "projections", "api", "benchmark");

    @Test
    void every_package_has_a_line_in_the_readme_map() throws IOException {
        List<String> map = map();
        List<String> missing = new ArrayList<>();
        for (String module : MODULES) {
            Path base = ROOT.resolve(module).resolve("src/main/java/org/casetrail").resolve(module);
            List<String> section = section(map, module);
            for (String pkg : packages(base)) {
                if (section.stream().noneMatch(line -> line.strip().startsWith(pkg + "/"))) {
                    missing.add(module + "/" + pkg);
                }
            }
        }
        assertThat(missing).as("packages without a line in README.md's \"Where things live\"").isEmpty();
    }

    @Test
    void every_package_says_what_it_is_in_a_package_info() throws IOException {
        List<String> silent = new ArrayList<>();
        for (String module : MODULES) {
            Path base = ROOT.resolve(module).resolve("src/main/java/org/casetrail").resolve(module);
            for (String pkg : packages(base)) {
                if (!Files.exists(base.resolve(pkg).resolve("package-info.java"))) {
                    silent.add(module + "/" + pkg);
                }
            }
        }
        assertThat(silent).as("packages without a package-info.java").isEmpty();
    }

    /** The lines of the map's code block. */
    private static List<String> map() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        int heading = lines.indexOf("## Where things live");
        assertThat(heading).as("README.md has its map").isNotNegative();
        int start = lines.subList(heading, lines.size()).indexOf("```") + heading + 1;
        int end = lines.subList(start, lines.size()).indexOf("```") + start;
        return lines.subList(start, end);
    }

    /** A module's part of the map: from its own line to the next module's. */
    private static List<String> section(List<String> map, String module) {
        List<String> section = new ArrayList<>();
        boolean inside = false;
        for (String line : map) {
            if (!line.startsWith(" ")) {
                inside = line.startsWith(module + "/");
            } else if (inside) {
                section.add(line);
            }
        }
        assertThat(section).as("the map's section for " + module).isNotEmpty();
        return section;
    }

    /** Every folder under the module's base package that holds a class, as a path: caseledger, caseledger/events. */
    private static List<String> packages(Path base) throws IOException {
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(file -> file.toString().endsWith(".java")).map(Path::getParent).distinct()
                    .filter(folder -> !folder.equals(base)).map(folder -> base.relativize(folder).toString()
                            .replace('\\', '/')).sorted().toList();
        }
    }
}
