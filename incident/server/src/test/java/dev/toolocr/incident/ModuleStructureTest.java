package dev.toolocr.incident;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.toolocr.platform.ArchitectureRules;
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
        ArchitectureRules.nothingUsesAnotherModulesInternalPackage().check(all);
    }

    @Test
    void thePlatformKnowsNoApplication() {
        ArchitectureRules.platformKnowsNoApplication().check(all);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("dev.toolocr.incident.(*)..")
                .should()
                .beFreeOfCycles()
                .check(all);
    }
}
