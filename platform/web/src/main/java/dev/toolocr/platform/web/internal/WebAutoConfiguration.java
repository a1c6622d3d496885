package dev.toolocr.platform.web.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.web.ProblemResponses;
import dev.toolocr.platform.web.ProblemTypes;
import dev.toolocr.platform.web.RequestIdFilter;
import dev.toolocr.platform.web.WebProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

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
    }
}
