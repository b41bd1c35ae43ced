package org.casetrail.api.config;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.casetrail.api.definitions.DefinitionCatalog;
import org.casetrail.projections.casestream.CaseStreamReader;
import org.casetrail.projections.effective.LedgerCaseSource;
import org.casetrail.projections.figures.FigureEngine;
import org.casetrail.projections.ledger.LedgerIndexProjection;
import org.casetrail.projections.models.DefinitionModels;
import org.casetrail.projections.models.MemberModelProjection;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The read side: projections live in their own module without Spring stereotypes, so they are wired here. */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    @Bean
    public LedgerIndexProjection ledgerIndexProjection(JdbcTemplate jdbc) {
        return new LedgerIndexProjection(jdbc);
    }

    @Bean
    public LedgerCaseSource ledgerCaseSource(DataSource dataSource) {
        return new LedgerCaseSource(dataSource);
    }

    @Bean
    public DefinitionModels definitionModels(JdbcTemplate jdbc) {
        return new DefinitionModels(jdbc);
    }

    /**
     * The processor that keeps replayed models current runs in the server only: a command-line import leaves it to the
     * server, which catches up from its token when it next runs.
     */
    @Bean
    @ConditionalOnProperty(name = "casetrail.processors.enabled", havingValue = "true", matchIfMissing = true)
    public MemberModelProjection memberModelProjection(DefinitionModels models, LedgerCaseSource ledger,
                                                       DefinitionCatalog definitions) {
        return new MemberModelProjection(models, ledger, definitions::find);
    }

    @Bean
    public FigureEngine figureEngine(LedgerCaseSource cases) {
        return new FigureEngine(cases);
    }

    @Bean
    public CaseStreamReader caseStreamReader(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                                             ObjectMapper json) {
        return new CaseStreamReader(jdbc, serializer, json);
    }
}
