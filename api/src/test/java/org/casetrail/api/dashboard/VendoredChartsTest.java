package org.casetrail.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The chart library is vendored, not fetched: the file served is the one its VERSION names, byte for byte, and its
 * licence and notice ship beside it.
 */
class VendoredChartsTest {

    private static final String FOLDER = "/static/vendor/echarts/";

    @Test
    void the_served_echarts_is_the_release_named_in_its_version_file_with_its_licence() throws Exception {
        Properties version = new Properties();
        try (InputStream in = resource("VERSION")) {
            version.load(in);
        }
        assertThat(version.getProperty("version")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(version.getProperty("source")).startsWith("npm echarts@" + version.getProperty("version"));
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (InputStream in = resource("echarts.esm.min.js")) {
            sha256.update(in.readAllBytes());
        }
        assertThat(HexFormat.of().formatHex(sha256.digest())).isEqualTo(version.getProperty("sha256"));
        try (InputStream licence = resource("LICENSE"); InputStream notice = resource("NOTICE")) {
            assertThat(new String(licence.readAllBytes(), StandardCharsets.UTF_8)).contains("Apache License");
            assertThat(new String(notice.readAllBytes(), StandardCharsets.UTF_8)).contains("Apache ECharts");
        }
    }

    private static InputStream resource(String name) {
        InputStream in = VendoredChartsTest.class.getResourceAsStream(FOLDER + name);
        assertThat(in).as(FOLDER + name).isNotNull();
        return in;
    }
}
