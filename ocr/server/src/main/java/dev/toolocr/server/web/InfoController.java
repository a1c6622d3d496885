package dev.toolocr.server.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets clients (the SPA, scripts) check they talk to a Tool_OCR server and which API it speaks. */
@RestController
class InfoController {

    record ServiceInfo(String name, String apiVersion, String version) {}

    private final String version;

    InfoController(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "dev" : properties.getVersion();
    }

    @Operation(summary = "Service name and versions; needs no sign-in")
    @GetMapping("/api/v2/info")
    ServiceInfo info() {
        return new ServiceInfo("Tool_OCR", "v2", version);
    }
}
