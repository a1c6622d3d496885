package dev.toolocr.platform.auth.internal;

import dev.toolocr.platform.auth.AuthException;
import dev.toolocr.platform.auth.CurrentUser;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies {@link CurrentUser} parameters. Endpoints that work anonymously (logout) receive null;
 * everywhere else an anonymous caller is refused with 401 before the handler runs.
 */
class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CurrentUser.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        Optional<CurrentUser> user = CurrentUser.signedIn();
        if (user.isPresent()) {
            return user.get();
        }
        if ("logout"
                .equals(
                        parameter.getMethod() == null
                                ? null
                                : parameter.getMethod().getName())) {
            return null;
        }
        throw new AuthException(AuthException.Kind.UNAUTHENTICATED);
    }
}
