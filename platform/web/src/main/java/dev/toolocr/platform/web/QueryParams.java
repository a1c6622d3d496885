package dev.toolocr.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a record parameter of a controller method from the query string: each component from the
 * request parameter of its {@link org.springframework.web.bind.annotation.BindParam} name, or of its
 * own name. Components may be {@code String}, {@code Integer}, {@code Long} or {@code Boolean}; absent
 * parameters are null, and a value that does not convert is refused with a validation problem naming
 * the parameter. Spring's data binder gives the same result but reflects over the record on every
 * request, which was a tenth of a list request's CPU.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface QueryParams {}
