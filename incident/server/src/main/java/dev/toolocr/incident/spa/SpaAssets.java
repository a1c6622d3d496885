package dev.toolocr.incident.spa;

import java.time.Duration;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Vite names every bundle under {@code /assets/} by a hash of its content, so a cached copy is never
 * stale: a year, immutable. Everything else static (the icon) is revalidated on each use.
 */
@Configuration(proxyBeanMethods = false)
class SpaAssets implements WebMvcConfigurer {

    private final String[] locations;

    SpaAssets(WebProperties web) {
        this.locations = web.getResources().getStaticLocations();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(Arrays.stream(locations)
                        .map(l -> l + (l.endsWith("/") ? "" : "/") + "assets/")
                        .toArray(String[]::new))
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/favicon.svg")
                .addResourceLocations(locations)
                .setCacheControl(CacheControl.noCache());
    }
}
