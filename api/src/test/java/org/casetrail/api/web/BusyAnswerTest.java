package org.casetrail.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.casetrail.projections.jdbc.BusyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class BusyAnswerTest {

    @Test
    void a_refused_read_is_a_503_saying_when_to_come_back_and_naming_nothing_internal() {
        ResponseEntity<ProblemDetail> answer = new ProblemHandlers(new ObjectMapper()).busy(new BusyException(20));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("20");
        ProblemDetail problem = answer.getBody();
        assertThat(problem).isNotNull();
        assertThat(problem.getTitle()).isEqualTo("Busy");
        assertThat(problem.getDetail()).contains("try again").doesNotContain("Exception", "Semaphore", "org.");
    }
}
