package dev.toolocr.platform.auth.internal;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What a controller needs of auth: {@code CurrentUser} parameters and auth failures as problem+json.
 * Kept apart from {@link AuthAutoConfiguration} so that a host's {@code @WebMvcTest} slice takes it
 * (it is listed for {@code AutoConfigureWebMvc}) without the sessions, tokens and database behind them.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(AuthExceptionHandler.class)
public class AuthWebMvcAutoConfiguration {

    @Bean
    WebMvcConfigurer currentUserResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }
}
