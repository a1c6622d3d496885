package dev.toolocr.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages talk through each other's public API only; internals stay internal. */
class ModuleStructureTest {

    @Test
    void featureModulesRespectTheirBoundaries() {
        ApplicationModules.of(ToolOcrApplication.class).verify();
    }
}
