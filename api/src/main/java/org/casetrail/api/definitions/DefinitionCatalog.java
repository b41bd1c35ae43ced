package org.casetrail.api.definitions;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.CaseContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The definitions known to the store: the built-in ones and every version registered since. Versions never change. */
@Component
public class DefinitionCatalog {

    public enum Registration { CREATED, ALREADY_EXISTS }

    private static final RowMapper<Definition> ROW = (row, i) -> new Definition(row.getString("id"),
            row.getInt("version"), row.getString("label"), row.getString("description"),
            new Definition.Rules(row.getInt("min_suspects"),
                    Arrays.stream(row.getString("contexts").split(",")).filter(s -> !s.isBlank())
                            .map(CaseContext::valueOf).collect(Collectors.toSet()),
                    (Integer) row.getObject("max_victim_age"), row.getBoolean("arrest_includes_interview"),
                    row.getBoolean("exclude_quashed_convictions")));

    private final JdbcTemplate jdbc;

    public DefinitionCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void registerBuiltIns() {
        Definition.BUILT_IN.forEach(this::register);
    }

    public List<Definition> all() {
        return jdbc.query("SELECT * FROM definition ORDER BY id, version", ROW);
    }

    public Optional<Definition> find(String id, int version) {
        return jdbc.query("SELECT * FROM definition WHERE id = ? AND version = ?", ROW, id, version).stream()
                .findFirst();
    }

    public Optional<Definition> latest(String id) {
        return jdbc.query("SELECT * FROM definition WHERE id = ? ORDER BY version DESC LIMIT 1", ROW, id).stream()
                .findFirst();
    }

    /**
     * Registers a new version, or confirms one registered before with the same rules.
     *
     * @throws DefinitionConflictException when the id and version exist with different content
     */
    public Registration register(Definition definition) {
        int inserted = jdbc.update("""
                        INSERT INTO definition (id, version, label, description, min_suspects, contexts,
                        max_victim_age, arrest_includes_interview, exclude_quashed_convictions)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id, version) DO NOTHING""",
                definition.id(), definition.version(), definition.label(), definition.description(),
                definition.rules().minSuspects(), contexts(definition.rules()), definition.rules().maxVictimAge(),
                definition.rules().arrestIncludesInterview(), definition.rules().excludeQuashedConvictions());
        if (inserted == 1) {
            return Registration.CREATED;
        }
        Definition existing = find(definition.id(), definition.version()).orElseThrow();
        if (!existing.equals(definition)) {
            throw new DefinitionConflictException(existing);
        }
        return Registration.ALREADY_EXISTS;
    }

    private static String contexts(Definition.Rules rules) {
        return rules.contexts().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
