package org.casetrail.api.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.IntSupplier;

/**
 * The running test server over the JDK's HTTP client, for tests that must send exactly what a client sends (raw
 * headers, bodies, encodings, no credentials at all) where the default {@code TestRestTemplate} would add its own.
 */
public final class ApiClient {

    private final HttpClient client = HttpClient.newHttpClient();
    private final IntSupplier port;

    /** The port is asked for at each request, so a test can make its client before Spring injects the port. */
    public ApiClient(IntSupplier port) {
        this.port = port;
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port.getAsInt() + pathAndQuery));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An HTTP Basic {@code Authorization} header value. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
