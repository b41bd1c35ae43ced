package org.casetrail.api.config;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's answer to what it refuses before any servlet sees it (a malformed URL, an encoded slash in a path, a header
 * too long): a problem document instead of Tomcat's HTML page, with nothing about the server in it.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"https://casetrail.org/problems/" + (status >= 500 ? "internal-error"
                        : "bad-request") + "\",\"title\":\"" + (status >= 500 ? "Internal error" : "Bad request")
                        + "\",\"status\":" + status + ",\"detail\":\"the request could not be "
                        + (status >= 500 ? "completed" : "read: check its URL and headers") + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // The connection is gone; there is no one left to tell.
        }
    }
}
