package org.casetrail.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casetrail.api.support.IntegrationTest;
import org.casetrail.api.support.OwnDatabase;
import org.casetrail.api.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The dashboard in Debian's headless Chromium, against the application with a small synthetic demo history: what
 * the page draws is what the API answers, for the public, an analyst and an auditor, and axe-core finds no
 * accessibility violation on any view. {@code .ci/run} installs chromium and chromium-driver and requires these tests
 * to run; elsewhere they are skipped when the browser is missing.
 */
@IntegrationTest
@OwnDatabase("dashboard")
@TestPropertySource(properties = {"casetrail.demo.load=true",
        "casetrail.demo.cases=1500"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private WebDriver browser;

    @BeforeAll
    void startBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && !"required".equals(System.getenv("CASETRAIL_BROWSER_TESTS"))) {
            Assumptions.abort("Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        }
        assertThat(installed).as("chromium and chromedriver in /usr/bin").isTrue();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,900");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (jsonOf("/api/v1/publications", null).size() < 4 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertThat(jsonOf("/api/v1/publications", null).size()).as("the demo's publications").isEqualTo(4);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        open("/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    }

    @Test
    void the_public_sees_a_publication_protected_exactly_as_the_api_serves_it() {
        JsonNode listed = jsonOf("/api/v1/publications", null);
        JsonNode funnelPublication = null;
        for (JsonNode publication : listed) {
            if (publication.path("name").asText().contains("funnel by force")) {
                funnelPublication = publication;
            }
        }
        assertThat(funnelPublication).as("the demo's funnel publication").isNotNull();
        String id = funnelPublication.path("publicationId").asText();
        JsonNode asPublic = jsonOf("/api/v1/publications/" + id, null);
        Map<String, String> published = new HashMap<>();
        for (JsonNode group : asPublic.at("/figures/0/answer/groups")) {
            for (JsonNode stage : group.path("stages")) {
                published.put(stage.path("figureId").asText(), stage.path("count").isNull() ? "[c]"
                        : stage.path("count").asText());
            }
        }
        assertThat(published).as("the demo publication suppresses some counts").containsValue("[c]");

        open("/");
        assertThat(text(By.cssSelector("[data-testid=synthetic-banner]"))).containsIgnoringCase("synthetic");
        assertThat(browser.findElements(By.cssSelector("[data-testid=nav-funnel]"))).as("live figures are for "
                + "analysts and auditors").isEmpty();
        open("/?view=publications&pub=" + id);
        assertThat(countsByFigureId("Count")).isEqualTo(published);
        assertThat(browser.getPageSource()).contains("suppressed to protect people");
        assertThat(browser.getPageSource()).contains(funnelPublication.path("name").asText());
    }

    @Test
    void an_analyst_sees_the_funnel_the_api_computes_and_a_new_definition_changes_url_and_numbers() {
        signIn("analyst");
        open("/?view=funnel&groupBy=force");
        Map<String, String> allCases = countsByFigureId("Count");
        String pinned = parameters(browser.getCurrentUrl()).get("position");
        assertThat(pinned).as("the answer's position is pinned in the URL").isNotBlank();
        assertThat(allCases).isEqualTo(apiCounts("definition=all-cases&groupBy=force&position=" + pinned));
        assertThat(browser.findElements(By.cssSelector("[data-testid^=chart-] svg"))).as("a chart is drawn")
                .isNotEmpty();
        List<String> drawn = browser.findElements(By.cssSelector("[data-testid^=chart-] svg text")).stream()
                .map(WebElement::getText).map(String::strip).toList();
        assertThat(drawn).as("the chart's bars are labelled with the API's counts")
                .containsAll(allCases.values().stream().filter(count -> !count.equals("0")).limit(10).toList());

        new Select(browser.findElement(By.cssSelector("[data-testid=definition-select]")))
                .selectByValue("grooming-gangs@1");
        browser.findElement(By.cssSelector("form.controls button[type=submit]")).click();
        waiting().until(page -> page.getCurrentUrl().contains("definition=grooming-gangs")
                && "ready".equals(state()));
        Map<String, String> groomingGangs = countsByFigureId("Count");
        assertThat(groomingGangs).isNotEqualTo(allCases);
        Map<String, String> url = parameters(browser.getCurrentUrl());
        assertThat(groomingGangs).isEqualTo(apiCounts("definition=" + url.get("definition") + "&groupBy=force"
                + "&position=" + url.get("position")));

        String link = browser.getCurrentUrl();
        open("/");
        browser.get(link);
        waitReady();
        assertThat(countsByFigureId("Count")).as("the link reproduces the numbers").isEqualTo(groomingGangs);
    }

    @Test
    void each_reader_is_offered_the_views_their_roles_open() {
        signIn("importer");
        assertThat(browser.findElements(By.cssSelector("[data-testid=nav-funnel]"))).isEmpty();
        open("/?view=funnel");
        assertThat(text(By.cssSelector("main"))).contains("live figures are for analysts and auditors");

        signedOut();
        signIn("analyst");
        open("/?view=funnel&groupBy=force");
        assertThat(browser.findElements(By.cssSelector("[data-testid=figure-cell]"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("button[data-trace]"))).as("traces are for auditors")
                .isEmpty();
        assertThat(browser.getPageSource()).contains("Publish this view");
    }

    @Test
    void an_auditor_clicks_a_number_and_sees_its_trace_after_giving_a_reason_which_is_logged() {
        signIn("auditor");
        open("/?view=funnel&definition=grooming-gangs&groupBy=force");
        WebElement number = browser.findElement(By.cssSelector("button[data-trace]"));
        String figureId = number.getAttribute("data-trace");
        long value = Long.parseLong(number.getText().replaceAll("[^0-9]", ""));
        number.click();
        WebElement dialog = waitFor(By.cssSelector("[data-testid=reason-dialog]"));
        dialog.findElement(By.cssSelector("input, textarea")).sendKeys("browser test: checking a funnel cell");
        dialog.findElement(By.cssSelector("button[type=submit], button[value=confirm]")).click();
        WebElement trace = waitFor(By.cssSelector("[data-testid=trace-table]"));
        assertThat(text(By.cssSelector("[data-testid=trace-panel]"))).contains(figureId);
        assertThat(trace.findElements(By.cssSelector("tbody tr"))).as("at least a row per contributor")
                .hasSizeGreaterThanOrEqualTo((int) Math.min(value, 1));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM access_log WHERE principal = 'auditor' AND reason = ? "
                + "AND resource = ?", Long.class, "browser test: checking a funnel cell", figureId)).isEqualTo(1);
    }

    @Test
    void a_publications_revisions_show_each_number_now_with_the_figure_it_is_now() {
        String id = jsonOf("/api/v1/publications", null).get(0).path("publicationId").asText();
        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(MediaType.parseMediaType("text/csv"));
        assertThat(http.withBasicAuth("importer", TestUsers.PASSWORD).postForEntity("/api/v1/imports?source=LATER",
                new HttpEntity<>("source_row_id,case_ref,event_type,occurred_on,reported_on,force_code,context,"
                        + "suspect_ref,victim_ref,age,ethnicity,nationality,outcome_type,operation\n"
                        + "1,LATER-1,CASE_OPENED,2024-01-02,2024-01-03,E23000005,GROUP_CSE,,,,,,,\n", csv),
                String.class).getStatusCode().is2xxSuccessful()).as("a row stored after the publication").isTrue();
        Map<String, String> now = new HashMap<>();
        for (JsonNode cell : jsonOf("/api/v1/publications/" + id + "/revisions?view=public", "auditor")
                .at("/figures/0/cells")) {
            assertThat(cell.path("figureIdNow").asText()).isNotEqualTo(cell.path("figureIdThen").asText());
            now.put(cell.path("figureIdNow").asText(), cell.path("now").isNull() ? "[c]" : cell.path("now").asText());
        }
        signIn("auditor");
        open("/?view=publications&pub=" + id);
        assertThat(countsByFigureId("Now")).isEqualTo(now);
    }

    @Test
    void every_view_passes_axe_core_without_a_violation() {
        List<String> violations = new ArrayList<>();
        violations.addAll(axe("/"));
        signIn("tester");
        for (String view : List.of("/?view=publications", "/?view=funnel&groupBy=force",
                "/?view=lags&start=ARRESTED&end=CHARGED&curve=true", "/?view=ethnicity",
                "/?view=completeness&groupBy=force", "/?view=cold-cases", "/?view=caseload&groupBy=force",
                "/?view=nationality", "/?view=compare", "/?view=replays")) {
            violations.addAll(axe(view));
        }
        assertThat(violations).isEmpty();
    }

    private List<String> axe(String path) {
        open(path);
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            found.add(path + ": " + rule.getId() + " (" + rule.getNodes().size() + " elements) " + rule.getHelp());
        }
        return found;
    }

    /** The numbers in one column of the page's figure tables, by the figure id each carries. */
    private Map<String, String> countsByFigureId(String column) {
        Map<String, String> counts = new HashMap<>();
        for (WebElement table : browser.findElements(By.cssSelector("table.figure-table"))) {
            List<WebElement> headers = table.findElements(By.cssSelector("thead th"));
            int index = -1;
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i).getText().trim().equals(column)) {
                    index = i;
                }
            }
            if (index < 0) {
                continue;
            }
            for (WebElement row : table.findElements(By.cssSelector("tbody tr"))) {
                WebElement cell = row.findElements(By.cssSelector("th, td")).get(index);
                counts.put(cell.getAttribute("data-figure-id"), cell.getText().replaceAll("[^0-9\\[\\]a-z]", ""));
            }
        }
        assertThat(counts).as("the page's " + column + " column").isNotEmpty();
        return counts;
    }

    private Map<String, String> apiCounts(String query) {
        Map<String, String> counts = new HashMap<>();
        for (JsonNode group : jsonOf("/api/v1/funnel?" + query, "analyst").path("groups")) {
            for (JsonNode stage : group.path("stages")) {
                counts.put(stage.path("figureId").asText(), stage.path("count").asText());
            }
        }
        return counts;
    }

    private JsonNode jsonOf(String path, String user) {
        TestRestTemplate caller = user == null ? new TestRestTemplate() : http.withBasicAuth(user,
                TestUsers.PASSWORD);
        String body = caller.getForObject("http://localhost:" + port + path, String.class);
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(path + " answered " + body, e);
        }
    }

    private void signIn(String user) {
        open("/");
        browser.findElement(By.cssSelector("[data-testid=signin-username]")).sendKeys(user);
        browser.findElement(By.cssSelector("[data-testid=signin-password]")).sendKeys(TestUsers.PASSWORD);
        browser.findElement(By.cssSelector("[data-testid=signin-button]")).click();
        waiting().until(page -> !page.findElements(
                By.cssSelector("[data-testid=signed-in-user]")).isEmpty());
        waitReady();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        waitReady();
    }

    private void waitReady() {
        waiting().until(page -> !"loading".equals(state()));
        assertThat(state()).as("the page at " + browser.getCurrentUrl() + ": "
                + text(By.cssSelector("main"))).isEqualTo("ready");
    }

    /** Polls every 50 ms: Selenium's default of 500 ms added about half a second to every page the tests open. */
    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.pollingEvery(POLL);
        return wait;
    }

    private String state() {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.body.dataset.state");
    }

    private WebElement waitFor(By selector) {
        return waiting().until(page -> page.findElements(selector).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    private String text(By selector) {
        return browser.findElement(selector).getText();
    }

    private static Map<String, String> parameters(String url) {
        Map<String, String> parameters = new HashMap<>();
        int query = url.indexOf('?');
        if (query < 0) {
            return parameters;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1),
                        StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
