package dev.toolocr.platform.audit.internal;

import dev.toolocr.platform.audit.AuditLog;
import dev.toolocr.platform.auth.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every administrator request is itself audited (who looked at what, and how it went). */
class AdminAccessAudit implements WebMvcConfigurer {

    private final AuditLog audit;
    private final List<String> paths;

    AdminAccessAudit(AuditLog audit, List<String> paths) {
        this.audit = audit;
        this.paths = List.copyOf(paths);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public void afterCompletion(
                            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
                        CurrentUser user = CurrentUser.signedIn().orElse(null);
                        audit.recordNow(
                                "admin_access",
                                response.getStatus() < 400 ? "success" : "failure",
                                user == null ? null : user.id(),
                                user == null ? null : user.email(),
                                Map.of(
                                        "method", request.getMethod(),
                                        "path", request.getRequestURI(),
                                        "status", Integer.toString(response.getStatus())));
                    }
                })
                .addPathPatterns(paths);
    }
}
