package dev.toolocr.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.toolocr.platform.ArchitectureRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The boundaries between modules, checked on the compiled classes of the platform modules, the OCR
 * engine and this server: a module's {@code internal} package is its own; platform modules know no
 * application; the engine knows no Spring; no cycles. Inside the server, Spring Modulith checks the
 * feature packages and writes their documentation to {@code target/modulith-docs}.
 */
class ModuleStructureTest {

    private static JavaClasses all;

    @BeforeAll
    static void importClasses() {
        all = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.toolocr");
    }

    @Test
    void serverFeatureModulesRespectTheirBoundariesAndAreDocumented() {
        ApplicationModules modules =
                ApplicationModules.of(ToolOcrApplication.class).verify();
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
                .writeDocumentation();
    }

    @Test
    void nothingUsesAnotherModulesInternalPackage() {
        ArchitectureRules.nothingUsesAnotherModulesInternalPackage().check(all);
    }

    @Test
    void platformModulesKnowNoApplication() {
        ArchitectureRules.platformKnowsNoApplication().check(all);
    }

    @Test
    void theEngineKnowsNoSpringAndNoServer() {
        noClasses()
                .that()
                .resideInAPackage("dev.toolocr.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "dev.toolocr.server..", "dev.toolocr.platform..")
                .check(all);
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("dev.toolocr.platform.(*)..")
                .should()
                .beFreeOfCycles()
                .check(all);
        slices().matching("dev.toolocr.(*)..").should().beFreeOfCycles().check(all);
    }
}
