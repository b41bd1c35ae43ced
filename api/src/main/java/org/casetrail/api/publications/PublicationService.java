package org.casetrail.api.publications;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casetrail.api.TextInput;
import org.casetrail.api.config.Limits;
import org.casetrail.api.figures.FigureService;
import org.casetrail.api.figures.FigureTraces;
import org.casetrail.core.InvalidParameterException;
import org.casetrail.projections.catalog.FigureCatalog;
import org.casetrail.projections.catalog.FigureCell;
import org.casetrail.projections.catalog.FigureDeclaration;
import org.casetrail.projections.disclosure.AnswerProtection;
import org.casetrail.projections.effective.LedgerCaseSource;
import org.casetrail.projections.effective.LedgerEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publications: a named set of figure queries frozen at one store position, kept exactly as published, and their
 * revisions: each figure then and now, and the events stored since that moved it.
 */
@Service
public class PublicationService {

    private static final TypeReference<LinkedHashMap<String, String>> PARAMETERS = new TypeReference<>() {
    };

    /** One figure query of a publication: the figure and its parameters (never a position: that is the freeze). */
    public record Request(String figure, Map<String, String> parameters) {
    }

    public record PublishedFigure(String figure, Map<String, String> parameters, JsonNode answer) {
    }

    /** A publication in the list: what it is and when it froze, without its answers. */
    public record Summary(UUID publicationId, String name, long position, Instant publishedAt,
                          List<String> figures) {
    }

    /** How a publication or its revisions are read: as published, or protected for the public (SEMANTICS 8). */
    public enum View {
        UNPROTECTED, PUBLIC;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Publication(UUID publicationId, String name, long position, Instant publishedAt, String view,
                              List<PublishedFigure> figures) {
    }

    public record MovedBy(String eventId, long position, String type, String caseRef, String occurredOn,
                          String reportedOn, String source, String sourceRowId, String correctsRowId) {
    }

    /**
     * One cell then and now. {@code movedBy} is there only for auditors; in the public view a suppressed side is
     * {@code null} and named in {@code suppressedFields}, and so is a difference that would reveal it.
     */
    public record CellRevision(Map<String, Object> labels, String figureIdThen, String figureIdNow, Long then,
                               Long now, Long difference,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<MovedBy> movedBy,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Boolean suppressed,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<String> suppressedFields) {
    }

    public record FigureRevision(String figure, Map<String, String> parameters, List<CellRevision> cells) {
    }

    public record Revisions(UUID publicationId, String name, long position, long nowPosition, String view,
                            List<FigureRevision> figures) {
    }

    private final JdbcTemplate jdbc;
    private final FigureService figures;
    private final FigureTraces traces;
    private final LedgerCaseSource ledger;
    private final ObjectMapper json;
    private final int maxFigures;

    public PublicationService(JdbcTemplate jdbc, FigureService figures, FigureTraces traces, LedgerCaseSource ledger,
                              ObjectMapper json, Limits limits) {
        this.maxFigures = limits.figuresPerPublication();
        this.jdbc = jdbc;
        this.figures = figures;
        this.traces = traces;
        this.ledger = ledger;
        this.json = json;
    }

    @Transactional
    public Publication publish(String name, List<Request> requests) {
        if (name == null || name.isBlank()) {
            throw new InvalidParameterException("name", "a publication needs a name");
        }
        TextInput.checked("name", name, 255, false);
        if (requests == null || requests.isEmpty()) {
            throw new InvalidParameterException("figures", "a publication needs at least one figure");
        }
        if (requests.size() > maxFigures) {
            throw new InvalidParameterException("figures", "a publication has at most " + maxFigures + " figures "
                    + "(casetrail.limits.figures-per-publication), not " + requests.size());
        }
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i) == null) {
                throw new InvalidParameterException("figures[" + i + "]", "figures[" + i + "] is not a figure: "
                        + "{figure, parameters}");
            }
        }
        long position = ledger.head();
        UUID id = UUID.randomUUID();
        Instant publishedAt = Instant.now();
        jdbc.update("INSERT INTO publication (id, name, position, published_at) VALUES (?, ?, ?, ?)", id, name,
                position, Timestamp.from(publishedAt));
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            Map<String, String> parameters = new LinkedHashMap<>(request.parameters() == null ? Map.of()
                    : request.parameters());
            parameters.values().removeIf(Objects::isNull);
            for (String frozen : List.of("position", "format")) {
                if (parameters.containsKey(frozen)) {
                    throw new InvalidParameterException("figures[" + i + "].parameters." + frozen, "a publication "
                            + "freezes its figures at the current position, in JSON; " + frozen + " is not given");
                }
            }
            FigureDeclaration<?> figure = figure(request.figure(), i);
            parameters.putAll(figure.frozenByPublication(parameters, LocalDate.now()));
            JsonNode answer = json.valueToTree(figures.answer(figure, query(parameters, position)).json());
            jdbc.update("""
                    INSERT INTO publication_figure (publication_id, index, figure, parameters, answer,
                    public_answer) VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb)""", id, i, figure.name(),
                    write(parameters), write(answer), write(AnswerProtection.protect(answer)));
        }
        return find(id, View.UNPROTECTED).orElseThrow();
    }

    /** The publications, newest first: {@code limit} of them from {@code offset}. */
    public List<Summary> list(int limit, int offset) {
        return jdbc.query("""
                SELECT p.id, p.name, p.position, p.published_at,
                       array(SELECT f.figure FROM publication_figure f WHERE f.publication_id = p.id
                             ORDER BY f.index) AS figures
                FROM publication p
                ORDER BY p.published_at DESC, p.id
                LIMIT ? OFFSET ?""", (row, i) -> new Summary(row.getObject("id", UUID.class),
                row.getString("name"), row.getLong("position"), row.getTimestamp("published_at").toInstant(),
                List.of((String[]) row.getArray("figures").getArray())), limit, offset);
    }

    /**
     * A publication as published, or as the public reads it: protected when it was published (a publication made
     * before protection was stored is protected by the same rule when read).
     */
    public Optional<Publication> find(UUID id, View view) {
        String answerColumn = view == View.PUBLIC ? "coalesce(public_answer, answer)" : "answer";
        return jdbc.query("SELECT * FROM publication WHERE id = ?", (row, i) -> new Publication(id,
                row.getString("name"), row.getLong("position"), row.getTimestamp("published_at").toInstant(),
                view.label(), jdbc.query("SELECT figure, parameters, " + answerColumn + " AS answer, "
                        + "public_answer IS NULL AS unprotected FROM publication_figure WHERE publication_id = ? "
                        + "ORDER BY index", (figure, j) -> {
                            JsonNode answer = read(figure.getString("answer"), new TypeReference<JsonNode>() {
                            });
                            return new PublishedFigure(figure.getString("figure"),
                                    read(figure.getString("parameters"), PARAMETERS),
                                    view == View.PUBLIC && figure.getBoolean("unprotected")
                                            ? AnswerProtection.protect(answer) : answer);
                        }, id)), id).stream().findFirst();
    }

    /**
     * Each figure then and now. A cell that moved lists the events stored since the publication for the cases that
     * came into it or went out of it: late reports, corrections, retractions, reclassifications.
     */
    public Optional<Revisions> revisions(UUID id, View view, boolean withMovedBy) {
        return find(id, View.UNPROTECTED).map(publication -> {
            long now = ledger.head();
            List<FigureRevision> revised = new ArrayList<>();
            for (PublishedFigure published : publication.figures()) {
                FigureDeclaration<?> figure = FigureCatalog.named(published.figure()).orElseThrow();
                Map<String, String[]> thenQuery = query(published.parameters(), publication.position());
                Map<String, String[]> nowQuery = query(published.parameters(), now);
                FigureTraces.Traced then = computed(figure, thenQuery, withMovedBy);
                FigureTraces.Traced current = now == publication.position() ? then
                        : computed(figure, nowQuery, withMovedBy);
                Map<String, FigureCell> thenById = then.answer().cells();
                Map<String, FigureCell> nowById = current == then ? thenById : current.answer().cells();
                Map<String, FigureCell> thenCells = byCell(thenById);
                Map<String, FigureCell> nowCells = byCell(nowById);
                Map<String, String> thenIds = idsByCell(thenById);
                Map<String, String> nowIds = idsByCell(nowById);
                Map<String, List<FigureTraces.Member>> thenMembers = then.membersByCell();
                Map<String, List<FigureTraces.Member>> nowMembers = current.membersByCell();
                JsonNode thenProtected = view == View.PUBLIC
                        ? AnswerProtection.protect(json.valueToTree(then.answer().json())) : null;
                JsonNode nowProtected = view == View.PUBLIC
                        ? AnswerProtection.protect(json.valueToTree(current.answer().json())) : null;
                Set<String> cells = new LinkedHashSet<>(thenCells.keySet());
                cells.addAll(nowCells.keySet());
                List<CellRevision> rows = new ArrayList<>();
                for (String cell : cells) {
                    FigureCell before = thenCells.get(cell);
                    FigureCell after = nowCells.get(cell);
                    Long valueThen = before == null ? null : before.value();
                    Long valueNow = after == null ? null : after.value();
                    List<String> suppressed = new ArrayList<>();
                    if (view == View.PUBLIC) {
                        if (valueThen != null && AnswerProtection.valueSuppressed(thenProtected, thenIds.get(cell))) {
                            suppressed.add("then");
                            valueThen = null;
                        }
                        if (valueNow != null && AnswerProtection.valueSuppressed(nowProtected, nowIds.get(cell))) {
                            suppressed.add("now");
                            valueNow = null;
                        }
                        if (!suppressed.isEmpty() && before != null && after != null) {
                            suppressed.add("difference");
                        }
                    }
                    List<MovedBy> moved = withMovedBy ? movedBy(movedCases(thenMembers.getOrDefault(cell,
                            List.of()), nowMembers.getOrDefault(cell, List.of())), publication.position()) : null;
                    rows.add(new CellRevision((before != null ? before : after).labels(), thenIds.get(cell),
                            nowIds.get(cell), valueThen, valueNow,
                            valueThen == null || valueNow == null ? null : valueNow - valueThen, moved,
                            suppressed.isEmpty() ? null : true, suppressed.isEmpty() ? null : suppressed));
                }
                revised.add(new FigureRevision(published.figure(), published.parameters(), rows));
            }
            return new Revisions(publication.publicationId(), publication.name(), publication.position(), now,
                    view.label(), revised);
        });
    }

    /** The cases of members counted then but not now, or now but not then. */
    private static Set<String> movedCases(List<FigureTraces.Member> then, List<FigureTraces.Member> now) {
        Set<List<String>> before = new LinkedHashSet<>();
        then.forEach(member -> before.add(key(member)));
        Set<List<String>> after = new LinkedHashSet<>();
        now.forEach(member -> after.add(key(member)));
        Set<String> cases = new LinkedHashSet<>();
        before.stream().filter(member -> !after.contains(member)).forEach(member -> cases.add(member.get(0)));
        after.stream().filter(member -> !before.contains(member)).forEach(member -> cases.add(member.get(0)));
        return cases;
    }

    private static List<String> key(FigureTraces.Member member) {
        return Arrays.asList(member.caseRef(), member.suspectRef(), member.victimRef());
    }

    private List<MovedBy> movedBy(Set<String> cases, long since) {
        List<MovedBy> events = new ArrayList<>();
        ledger.caseEvents(cases).values().forEach(caseEvents -> caseEvents.stream()
                .filter(event -> event.position() > since)
                .forEach(event -> events.add(movedBy(event))));
        events.sort(Comparator.comparingLong(MovedBy::position));
        return events;
    }

    private static MovedBy movedBy(LedgerEvent event) {
        return new MovedBy(event.eventId(), event.position(), event.type().name(), event.caseRef(),
                event.fields().occurredOn() == null ? null : event.fields().occurredOn().toString(),
                event.reportedOn().toString(), event.row().source(), event.row().rowId(), event.correctedRowId());
    }

    /** The figure at a position, with each cell's members only when the events that moved them are wanted. */
    private FigureTraces.Traced computed(FigureDeclaration<?> figure, Map<String, String[]> query,
                                         boolean withMembers) {
        return withMembers ? traces.traceEveryCell(figure, query)
                : new FigureTraces.Traced(figures.answer(figure, query), Map.of());
    }

    private static Map<String, FigureCell> byCell(Map<String, FigureCell> cells) {
        Map<String, FigureCell> byCell = new LinkedHashMap<>();
        cells.forEach((figureId, cell) -> byCell.put(cellPart(figureId), cell));
        return byCell;
    }

    private static Map<String, String> idsByCell(Map<String, FigureCell> cells) {
        Map<String, String> ids = new HashMap<>();
        cells.keySet().forEach(figureId -> ids.put(cellPart(figureId), figureId));
        return ids;
    }

    private static String cellPart(String figureId) {
        return figureId.substring(figureId.lastIndexOf('-') + 1);
    }

    private static Map<String, String[]> query(Map<String, String> parameters, long position) {
        Map<String, String[]> query = new HashMap<>();
        parameters.forEach((name, value) -> query.put(name, new String[]{value}));
        query.put("position", new String[]{String.valueOf(position)});
        return query;
    }

    private static FigureDeclaration<?> figure(String figure, int index) {
        return FigureCatalog.named(figure == null ? "" : figure).orElseThrow(() -> new InvalidParameterException(
                "figures[" + index + "].figure", "figure is one of " + FigureCatalog.names() + "; not '" + figure
                + "'"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
