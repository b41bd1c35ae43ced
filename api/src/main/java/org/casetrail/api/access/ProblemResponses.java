package org.casetrail.api.access;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes an RFC 9457 problem document straight to the response, for refusals that happen in filters before any
 * controller (and so before {@code ProblemHandlers}) is reached.
 */
@Component
public class ProblemResponses {

    public static final String TYPES = "https://casetrail.org/problems/";

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    public void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail,
                      Map<String, Object> properties) throws IOException {
        ProblemDetail problem = problem(status, type, title, detail);
        properties.forEach(problem::setProperty);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The problem document as bytes, for writers that are not a servlet response. */
    public byte[] json(HttpStatus status, String type, String title, String detail) throws IOException {
        return json.writeValueAsBytes(problem(status, type, title, detail));
    }
}
