package dev.toolocr.platform.audit.internal;

import dev.toolocr.platform.audit.AuditLog;
import dev.toolocr.platform.audit.AuditRecord;
import dev.toolocr.platform.auth.ClientAddresses;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every administrator request is itself audited (who looked at what, and how it went). */
class AdminAccessAudit implements WebMvcConfigurer {

    private final AuditLog audit;
    private final ClientAddresses clients;
    private final Clock clock;
    private final List<String> paths;

    AdminAccessAudit(AuditLog audit, ClientAddresses clients, Clock clock, List<String> paths) {
        this.audit = audit;
        this.clients = clients;
        this.clock = clock;
        this.paths = List.copyOf(paths);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public void afterCompletion(
                            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
                        var auth = SecurityContextHolder.getContext().getAuthentication();
                        CurrentUser user = auth != null && auth.getPrincipal() instanceof CurrentUser u ? u : null;
                        var client = clients.resolve(request);
                        audit.record(new AuditRecord(
                                clock.instant(),
                                "admin_access",
                                response.getStatus() < 400 ? "success" : "failure",
                                user == null ? null : user.id(),
                                user == null ? null : user.email(),
                                client.ipAddress(),
                                client.userAgent(),
                                MDC.get(RequestIdFilter.MDC_KEY),
                                Map.of(
                                        "method", request.getMethod(),
                                        "path", request.getRequestURI(),
                                        "status", Integer.toString(response.getStatus()))));
                    }
                })
                .addPathPatterns(paths);
    }
}
