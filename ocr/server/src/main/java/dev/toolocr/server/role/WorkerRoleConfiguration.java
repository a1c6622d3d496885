package dev.toolocr.server.role;

import dev.toolocr.platform.web.ProblemType;
import dev.toolocr.platform.web.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A worker process serves no UI and no API: every path but the health probes and the metrics answers
 * 404, before sign-in or any handler runs, so a load balancer pointed at it by mistake exposes
 * nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "tool-ocr", name = "role", havingValue = "worker")
class WorkerRoleConfiguration {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> workerOnly(ProblemTypes types) {
        String body = "{\"type\":\"" + types.resolve(ProblemType.NOT_FOUND.uri())
                + "\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"This process runs task workers only; the API is served elsewhere.\"}";
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI();
                if (path.equals("/actuator/health")
                        || path.startsWith("/actuator/health/")
                        || path.equals("/actuator/prometheus")) {
                    chain.doFilter(request, response);
                    return;
                }
                response.setStatus(HttpStatus.NOT_FOUND.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write(body);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
