package dev.toolocr.incident;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The incident server's boundaries: its feature packages (Spring Modulith), nobody using another
 * module's {@code internal} package, the platform knowing no application, and no cycles.
 */
class ModuleStructureTest {

    private static JavaClasses all;

    @BeforeAll
    static void importClasses() {
        all = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.toolocr.incident", "dev.toolocr.platform");
    }

    @Test
    void featurePackagesRespectTheirBoundaries() {
        ApplicationModules.of(IncidentApplication.class).verify();
    }

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnModule() {
        ArchRuleDefinition.classes()
                .should(new ArchCondition<>("reach an internal package only from its own module") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass origin, ConditionEvents events) {
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            String target = d.getTargetClass().getPackageName();
                            int cut = target.indexOf(".internal");
                            if (target.startsWith("dev.toolocr.") && cut > 0) {
                                String owner = target.substring(0, cut);
                                String from = origin.getPackageName();
                                if (!from.equals(owner) && !from.startsWith(owner + ".")) {
                                    events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                                }
                            }
                        }
                    }
                })
                .check(all);
    }

    @Test
    void thePlatformKnowsNoApplication() {
        noClasses()
                .that()
                .resideInAPackage("dev.toolocr.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.toolocr.incident..", "dev.toolocr.server..")
                .check(all);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("dev.toolocr.incident.(*)..")
                .should()
                .beFreeOfCycles()
                .check(all);
    }
}
