package dev.toolocr.server.role;

import dev.toolocr.platform.web.ProblemResponses;
import dev.toolocr.platform.web.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
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
    FilterRegistrationBean<OncePerRequestFilter> workerOnly(ProblemResponses problems) {
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
                problems.write(
                        response,
                        HttpStatus.NOT_FOUND,
                        ProblemType.NOT_FOUND,
                        "This process runs task workers only; the API is served elsewhere.");
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
