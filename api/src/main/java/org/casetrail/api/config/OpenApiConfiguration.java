package org.casetrail.api.config;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs: the API's description and the parameters every figure endpoint takes. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final Map<String, String> FIGURE_PARAMETERS = new LinkedHashMap<>();

    static {
        FIGURE_PARAMETERS.put("definition", "id or id@version; default: the latest all-cases");
        FIGURE_PARAMETERS.put("from", "first day, inclusive (ISO date)");
        FIGURE_PARAMETERS.put("to", "last day, inclusive (ISO date)");
        FIGURE_PARAMETERS.put("asOf", "knowledge date: only what was reported on or before it counts");
        FIGURE_PARAMETERS.put("position", "store position: only what was stored at or before it counts");
        FIGURE_PARAMETERS.put("force", "ONS force codes, comma-separated or repeated");
        FIGURE_PARAMETERS.put("groupBy", "comma-separated: force, region, year, context");
        FIGURE_PARAMETERS.put("format", "json (default), csv or xlsx; Accept: text/csv also gives CSV");
    }

    @Bean
    public OpenAPI casetrailOpenApi() {
        return new OpenAPI().info(new Info().title("Casetrail API").version("v1").description(
                "The event-sourced ledger of the criminal-justice pipeline for child sexual exploitation cases in "
                        + "England and Wales. Every figure means what ../shared/docs/SEMANTICS.md says."));
    }

    @Bean
    public OperationCustomizer figureParameters() {
        return (operation, handler) -> {
            if (handler.getBeanType().getSimpleName().equals("FigureController")) {
                FIGURE_PARAMETERS.forEach((name, description) -> operation.addParametersItem(new Parameter()
                        .in("query").name(name).description(description).required(false).schema(new StringSchema())));
            }
            return operation;
        };
    }
}
