package org.casetrail.api.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.access.AccessRules;
import org.casetrail.api.definitions.DefinitionCatalog;
import org.casetrail.api.figures.FigureService;
import org.casetrail.projections.catalog.FigureCatalog;
import org.casetrail.projections.catalog.FigureDeclaration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The figure endpoints of SEMANTICS section 10: one {@code GET /api/v1/<path>} for every figure in
 * {@link FigureCatalog}, registered at start. Each answers JSON, CSV ({@code Accept: text/csv} or
 * {@code format=csv}) and XLSX ({@code format=xlsx}); {@code OpenApiConfiguration} describes them from their
 * declarations. Only in a web application: the command line has no handler mappings to register with.
 */
@RestController(FigureController.BEAN_NAME)
@ConditionalOnWebApplication
class FigureController implements SmartInitializingSingleton {

    static final String BEAN_NAME = "figureController";

    private final FigureService figures;
    private final DefinitionCatalog definitions;
    private final FigureRendering rendering;
    private final RequestMappingHandlerMapping mappings;
    private final Map<String, FigureDeclaration<?>> byPattern = FigureCatalog.ALL.stream()
            .collect(Collectors.toMap(AccessRules::endpoint, Function.identity()));

    FigureController(FigureService figures, DefinitionCatalog definitions, FigureRendering rendering,
                     @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.figures = figures;
        this.definitions = definitions;
        this.rendering = rendering;
        this.mappings = mappings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Method answer;
        try {
            answer = FigureController.class.getDeclaredMethod("answer", HttpServletRequest.class);
        } catch (NoSuchMethodException impossible) {
            throw new IllegalStateException(impossible);
        }
        // By bean name, as Spring registers annotated handlers, so that the OpenAPI document finds them too.
        byPattern.keySet().forEach(pattern -> mappings.registerMapping(RequestMappingInfo.paths(pattern)
                .methods(RequestMethod.GET).options(mappings.getBuilderConfiguration()).build(), BEAN_NAME, answer));
    }

    ResponseEntity<?> answer(HttpServletRequest request) {
        FigureDeclaration<?> figure = byPattern.get(
                String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)));
        FigureService.Answer answer = figures.answer(figure, request.getParameterMap());
        return rendering.render(request, answer.json(), () -> answer.table().apply(
                definitions.find(answer.definition().id(), answer.definition().version()).orElseThrow()));
    }
}
