package dev.toolocr.platform.web.internal;

import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.ProblemType;
import dev.toolocr.platform.web.QueryParams;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link QueryParams} records, with each record's constructor and names looked up once. */
final class QueryParamsResolver implements HandlerMethodArgumentResolver {

    private static final Set<Class<?>> SUPPORTED = Set.of(String.class, Integer.class, Long.class, Boolean.class);

    private record Binding(Constructor<?> constructor, String[] names, Class<?>[] types) {

        static Binding of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalStateException("@QueryParams needs a record, not " + type.getName());
            }
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                if (!SUPPORTED.contains(types[i])) {
                    throw new IllegalStateException("@QueryParams component " + type.getSimpleName() + "."
                            + components[i].getName() + " must be String, Integer, Long or Boolean");
                }
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                Parameter[] parameters = constructor.getParameters();
                String[] names = new String[components.length];
                for (int i = 0; i < components.length; i++) {
                    // @BindParam targets parameters, so on a record it lands on the canonical constructor.
                    BindParam alias = parameters[i].getAnnotation(BindParam.class);
                    names[i] = alias != null ? alias.value() : components[i].getName();
                }
                return new Binding(constructor, names, types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor on " + type.getName(), e);
            }
        }
    }

    private final Map<Class<?>, Binding> bindings = new ConcurrentHashMap<>();

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(QueryParams.class);
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory)
            throws Exception {
        Binding binding = bindings.computeIfAbsent(parameter.getParameterType(), Binding::of);
        Object[] values = new Object[binding.names().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = convert(request.getParameter(binding.names()[i]), binding.types()[i], binding.names()[i]);
        }
        try {
            return binding.constructor().newInstance(values);
        } catch (InvocationTargetException e) {
            // A compact constructor's own check refuses the input: its exception is the answer.
            if (e.getCause() instanceof RuntimeException refusal) {
                throw refusal;
            }
            throw e;
        }
    }

    private static Object convert(String raw, Class<?> type, String name) {
        if (type == String.class || raw == null) {
            return raw;
        }
        String value = raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            if (type == Integer.class) {
                return Integer.valueOf(value);
            }
            if (type == Long.class) {
                return Long.valueOf(value);
            }
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number");
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> Boolean.TRUE;
            case "false", "off", "no", "0" -> Boolean.FALSE;
            default -> throw invalid(name, "must be true or false");
        };
    }

    private static ApiException invalid(String name, String message) {
        return new ApiException(
                ProblemType.VALIDATION_FAILED.status(),
                ProblemType.VALIDATION_FAILED.uri(),
                ProblemType.VALIDATION_FAILED.status().getReasonPhrase(),
                "The request has invalid fields.",
                Map.of("errors", List.of(Map.of("field", name, "message", message))));
    }
}
