package org.casetrail.api.web;

import java.util.LinkedHashMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casetrail.api.access.PayloadTooLargeException;
import org.casetrail.api.access.ProblemResponses;
import org.casetrail.api.definitions.DefinitionConflictException;
import org.casetrail.api.importing.ArchiveTooLargeException;
import org.casetrail.api.replays.ReplayAlreadyRunningException;
import org.casetrail.core.InvalidParameterException;
import org.casetrail.projections.jdbc.BusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as an RFC 9457 problem document that names what was wrong: the parameter, the case, or the rows. */
@RestControllerAdvice
class ProblemHandlers extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);
    private static final TypeReference<LinkedHashMap<String, Object>> MEMBERS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    ProblemHandlers(ObjectMapper json) {
        this.json = json;
    }

    /** The report's members as an applied import's answer has them, a pipeline file's or data.police.uk files'. */
    @ExceptionHandler(ImportRejectedException.class)
    ProblemDetail importRejected(ImportRejectedException rejected) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-import", "Invalid rows: nothing "
                + "was applied", rejected.getMessage());
        json.convertValue(rejected.report(), MEMBERS).forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidRequest(InvalidParameterException invalid) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                invalid.getMessage());
        problem.setProperty("parameter", invalid.parameter());
        return problem;
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ProblemDetail caseNotFound(CaseNotFoundException missing) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-case", "Unknown case", missing.getMessage());
        problem.setProperty("caseRef", missing.caseRef());
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException missing) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not found", missing.getMessage());
        problem.setProperty(missing.property(), missing.value());
        return problem;
    }

    @ExceptionHandler(DefinitionConflictException.class)
    ProblemDetail definitionConflict(DefinitionConflictException conflict) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "definition-conflict", "Definition version exists",
                conflict.getMessage());
        problem.setProperty("definition", conflict.existing().reference());
        return problem;
    }

    @ExceptionHandler(ReplayAlreadyRunningException.class)
    ProblemDetail replayRunning(ReplayAlreadyRunningException running) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "replay-running", "Replay already running",
                running.getMessage());
        problem.setProperty("replayId", running.running());
        return problem;
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail payloadTooLarge(PayloadTooLargeException tooLarge) {
        ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Request body too large",
                tooLarge.getMessage());
        problem.setProperty("limitBytes", tooLarge.limit());
        return problem;
    }

    @ExceptionHandler(ArchiveTooLargeException.class)
    ProblemDetail archiveTooLarge(ArchiveTooLargeException tooLarge) {
        ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "archive-too-large", "Archive too large",
                tooLarge.getMessage() + "; nothing was applied");
        problem.setProperty("parameter", "body");
        return problem;
    }

    @ExceptionHandler(BusyException.class)
    ResponseEntity<ProblemDetail> busy(BusyException busy) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(busy.retryAfterSeconds()))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy", busy.getMessage()));
    }

    /** The database cannot be reached: say so at once rather than a generic failure. */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class})
    ProblemDetail unavailable(DataAccessException outage) {
        LOG.warn("database unavailable: {}", outage.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                "the store cannot be reached just now; try again shortly");
    }

    /** Anything unforeseen: logged here in full, answered without a stack trace, SQL or internal name. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception failure) {
        LOG.error("request failed", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request could not be completed; it has been logged");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException unreadable,
            @NonNull HttpHeaders headers, @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        if (unreadable.getMostSpecificCause() instanceof PayloadTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(payloadTooLarge(tooLarge));
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
                "the request body is not the JSON object expected: " + unreadable.getMostSpecificCause().getMessage());
        problem.setProperty("parameter", "body");
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException mismatch) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                "parameter " + mismatch.getName() + " cannot be '" + mismatch.getValue() + "'");
        problem.setProperty("parameter", mismatch.getName());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            @NonNull MissingServletRequestParameterException missing, @NonNull HttpHeaders headers,
            @NonNull HttpStatusCode status, @NonNull WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "missing-parameter", "Missing parameter",
                "parameter " + missing.getParameterName() + " is required");
        problem.setProperty("parameter", missing.getParameterName());
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        return ProblemResponses.problem(status, type, title, detail);
    }
}
