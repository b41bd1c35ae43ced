package org.casetrail.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The boundaries the folder tree promises, held by ArchUnit on the compiled classes of all three modules. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModularityTest {

    private static final DescribedPredicate<JavaClass> MAIN_CLASSES = DescribedPredicate.describe("main classes",
            type -> type.getSource().map(source -> !source.getUri().toString().contains("test-classes"))
                    .orElse(false));

    private JavaClasses classes;

    @BeforeAll
    void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.casetrail");
    }

    @Test
    void the_domain_knows_nothing_of_spring_read_models_or_http() {
        noClasses().that().resideInAPackage("org.casetrail.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.casetrail.projections..",
                        "org.casetrail.api..")
                .check(classes);
    }

    @Test
    void read_models_and_figures_know_nothing_of_the_application() {
        noClasses().that().resideInAPackage("org.casetrail.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("org.casetrail.api..", "org.springframework.web..",
                        "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void a_figure_is_computed_without_knowing_how_it_is_offered() {
        noClasses().that().resideInAPackage("org.casetrail.projections.figures..")
                .should().dependOnClassesThat().resideInAnyPackage("org.casetrail.projections.catalog..",
                        "org.casetrail.projections.models..", "org.casetrail.projections.disclosure..")
                .check(classes);
    }

    @Test
    void http_is_entered_only_through_the_web_package() {
        noClasses().that().resideInAPackage("org.casetrail.api..").and().resideOutsideOfPackage("org.casetrail.api.web..")
                .should().dependOnClassesThat().resideInAPackage("org.casetrail.api.web..")
                .check(classes);
    }

    /**
     * A feature's internals stay inside it: a class is public only when another package uses it, tests included
     * (Spring reaches package-private beans and handlers without it).
     */
    @Test
    void a_class_is_public_only_when_another_package_uses_it() {
        JavaClasses withTests = new ClassFileImporter().importPackages("org.casetrail");
        classes().that().resideInAnyPackage("org.casetrail.api..", "org.casetrail.projections..")
                .and(MAIN_CLASSES)
                .and().arePublic().and().areTopLevelClasses().and().doNotHaveSimpleName("package-info")
                // Its SOURCE is read by web, but the compiler inlines a constant: no dependency is left to see.
                .and().doNotHaveFullyQualifiedName("org.casetrail.api.demo.DemoDataLoader")
                // Tomcat makes it by its class name, which needs a public class.
                .and().doNotHaveFullyQualifiedName("org.casetrail.api.config.ProblemErrorReportValve")
                .should(new ArchCondition<>("be used from another package") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        // A use of one of its nested types (a record it returns, say) is a use of it.
                        boolean usedElsewhere = withTests.stream()
                                .filter(own -> own.equals(type) || own.getName().startsWith(type.getName() + "$"))
                                .flatMap(own -> own.getDirectDependenciesToSelf().stream())
                                .anyMatch(dependency -> !dependency.getOriginClass().getPackageName()
                                        .equals(type.getPackageName()));
                        if (!usedElsewhere) {
                            events.add(SimpleConditionEvent.violated(type, type.getName()
                                    + " is public but used only inside its package"));
                        }
                    }
                })
                .check(withTests);
    }

    @Test
    void the_packages_of_core_and_projections_have_no_cycles() {
        slices().matching("org.casetrail.core.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("org.casetrail.projections.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_packages_of_the_application_have_no_cycles() {
        slices().matching("org.casetrail.api.(*)..").should().beFreeOfCycles().check(classes);
    }
}
