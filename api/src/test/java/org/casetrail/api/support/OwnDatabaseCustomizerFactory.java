package org.casetrail.api.support;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives a test marked {@link OwnDatabase} a context of its own: Spring caches contexts by their customizers, so one
 * that names the database makes a different context, which {@link PostgresTestConfiguration} gives a fresh database.
 */
class OwnDatabaseCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        OwnDatabase own = AnnotatedElementUtils.findMergedAnnotation(testClass, OwnDatabase.class);
        return own == null ? null : new Named(own.value());
    }

    /** Changes nothing in the context; its name is what keeps the context apart. */
    private record Named(String database) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
        }
    }
}
