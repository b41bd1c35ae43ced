package org.casetrail.api.web;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.casetrail.api.access.AccessRules;
import org.casetrail.api.identity.Role;
import org.casetrail.projections.catalog.FigureCatalog;
import org.casetrail.projections.catalog.FigureDeclaration;
import org.casetrail.projections.catalog.FigureParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The OpenAPI document at /v3/api-docs: the API's description and the parameters every figure endpoint takes. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BASIC = "basicAuth";
    private static final String BEARER = "bearerAuth";

    @Bean
    public OpenAPI casetrailOpenApi() {
        return new OpenAPI().info(new Info().title("Casetrail API").version("v1").description(
                "The event-sourced ledger of the criminal-justice pipeline for child sexual exploitation cases in "
                        + "England and Wales. Every figure means what ../shared/docs/SEMANTICS.md says. Roles "
                        + "(SEMANTICS 8): the public reads publications (protected), definitions and this "
                        + "description; analyst, auditor and importer as each operation's x-roles says."))
                // Relative, so that the document names whichever host serves it.
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("a user of casetrail.security.users"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("a JWT from the configured identity provider, roles in its roles claim"))
                        .addSchemas("Problem", new ObjectSchema().description("RFC 9457 problem document")
                                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                                .addProperty("parameter", new StringSchema())));
    }

    /** A parameter declared without a type is a string: every parameter of the document has a schema. */
    @Bean
    public OperationCustomizer parametersHaveSchemas() {
        return (operation, handler) -> {
            if (operation.getParameters() != null) {
                operation.getParameters().stream()
                        .filter(parameter -> parameter.getSchema() == null && parameter.getContent() == null)
                        .forEach(parameter -> parameter.setSchema(new StringSchema()));
            }
            return operation;
        };
    }

    /**
     * Each operation's access rule, from the same table the security filter chain enforces: its roles
     * ({@code x-roles}), the sign-ins that carry them, and the refusals it can answer.
     */
    @Bean
    public OpenApiCustomizer figuresAndAccessRules() {
        return openApi -> {
            describeFigures(openApi);
            accessRules(openApi);
        };
    }

    private static void accessRules(OpenAPI openApi) {
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach(
                (method, operation) -> AccessRules.find(HttpMethod.valueOf(method.name()), path).ifPresent(rule -> {
                    List<String> roles = rule.roles().stream().map(Role::label).toList();
                    operation.addExtension("x-roles", roles);
                    ApiResponses responses = operation.getResponses();
                    if (rule.isPublic()) {
                        operation.setSecurity(new ArrayList<>());
                        responses.addApiResponse("429", problem("too many requests from this address"));
                    } else {
                        operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC),
                                new SecurityRequirement().addList(BEARER)));
                        operation.setDescription((operation.getDescription() == null ? ""
                                : operation.getDescription() + " ") + "Roles: " + String.join(" or ", roles) + ".");
                        responses.addApiResponse("401", problem("no credentials, or wrong ones"));
                        responses.addApiResponse("403", problem("credentials without the role"));
                    }
                    responses.putIfAbsent("400", problem("a bad parameter or body, named in the problem"));
                })));
    }

    private static ApiResponse problem(String description) {
        Schema<?> schema = new Schema<>().$ref("#/components/schemas/Problem");
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(schema)));
    }

    /** Each figure's operation, described from its declaration: summary, description and every parameter. */
    private static void describeFigures(OpenAPI openApi) {
        for (FigureDeclaration<?> figure : FigureCatalog.ALL) {
            PathItem item = openApi.getPaths().get(AccessRules.endpoint(figure));
            if (item == null || item.getGet() == null) {
                continue;
            }
            Operation operation = item.getGet().operationId(operationId(figure.name())).summary(figure.summary())
                    .description(figure.description().isEmpty() ? null : figure.description())
                    .tags(List.of("figures"));
            operation.setParameters(new ArrayList<>());
            figure.parameters().forEach(parameter -> operation.addParametersItem(parameter(parameter)));
            figure.commonParameters().forEach(parameter -> operation.addParametersItem(parameter(parameter)));
        }
        PathItem compare = openApi.getPaths().get("/api/v1/compare");
        if (compare != null && compare.getGet() != null && compare.getGet().getParameters() != null) {
            compare.getGet().getParameters().stream().filter(parameter -> parameter.getName().equals("figure"))
                    .forEach(parameter -> parameter.schema(parameter(FigureParameter.choice("figure", "", false,
                            FigureCatalog.ALL.stream().map(FigureDeclaration::name).toList())).getSchema()));
        }
    }

    private static Parameter parameter(FigureParameter declared) {
        StringSchema schema = new StringSchema();
        declared.values().forEach(schema::addEnumItem);
        return new Parameter().in("query").name(declared.name()).description(declared.description())
                .required(declared.required()).schema(schema);
    }

    /** period-counts: periodCounts. */
    private static String operationId(String name) {
        StringBuilder id = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                id.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return id.toString();
    }
}
