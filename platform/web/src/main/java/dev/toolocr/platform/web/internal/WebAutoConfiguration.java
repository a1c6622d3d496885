package dev.toolocr.platform.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.web.ProblemResponses;
import dev.toolocr.platform.web.ProblemTypes;
import dev.toolocr.platform.web.RequestIdFilter;
import dev.toolocr.platform.web.WebProperties;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.Compression;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.CacheControl;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * problem+json for every error (MVC's and the container's) and request ids, for every application.
 * Ordered before Boot's error handling so that its whitelabel controller is not created.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@EnableConfigurationProperties(WebProperties.class)
public class WebAutoConfiguration {

    @Bean
    ProblemTypes problemTypes(WebProperties properties) {
        return new ProblemTypes(properties);
    }

    @Bean
    ProblemResponses problemResponses(ProblemTypes types, ObjectMapper json) {
        return new ProblemResponses(types, json);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import({ApiExceptionHandler.class, ProblemErrorController.class})
    static class Servlet {

        @Bean
        RequestIdFilter requestIdFilter() {
            return new RequestIdFilter();
        }

        /**
         * A single-page app's build names its assets by content hash, so they never change under a
         * name: browsers keep them for a year without asking. The page that names them must be
         * asked for every time (no-cache revalidates with its ETag), or a release would go unseen.
         */
        @Bean
        WebMvcConfigurer appShellCaching() {
            return new WebMvcConfigurer() {
                @Override
                public void addResourceHandlers(ResourceHandlerRegistry registry) {
                    registry.addResourceHandler("/assets/**")
                            .addResourceLocations(locations("assets/"))
                            .setCacheControl(CacheControl.maxAge(Duration.ofDays(365))
                                    .cachePublic()
                                    .immutable());
                    registry.addResourceHandler("/index.html")
                            .addResourceLocations(locations(""))
                            .setCacheControl(CacheControl.noCache());
                }
            };
        }

        /** {@code @QueryParams} records, bound without Spring's per-request reflection. */
        @Bean
        WebMvcConfigurer queryParamsBinding() {
            return new WebMvcConfigurer() {
                @Override
                public void addArgumentResolvers(
                        java.util.List<org.springframework.web.method.support.HandlerMethodArgumentResolver>
                                resolvers) {
                    resolvers.add(new QueryParamsResolver());
                }
            };
        }

        private static String[] locations(String folder) {
            return new String[] {
                "classpath:/META-INF/resources/" + folder,
                "classpath:/resources/" + folder,
                "classpath:/static/" + folder,
                "classpath:/public/" + folder
            };
        }

        /** Text answers compressed (JSON, the app's scripts and styles); event streams and files as they are. */
        @Bean
        WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> responseCompression() {
            return factory -> {
                Compression compression = new Compression();
                compression.setEnabled(true);
                compression.setMinResponseSize(DataSize.ofKilobytes(1));
                compression.setMimeTypes(new String[] {
                    "text/html",
                    "text/css",
                    "text/javascript",
                    "application/javascript",
                    "application/json",
                    "application/problem+json",
                    "image/svg+xml",
                    "text/csv"
                });
                factory.setCompression(compression);
            };
        }
    }
}
