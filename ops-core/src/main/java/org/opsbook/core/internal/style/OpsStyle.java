package org.opsbook.core.internal.style;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of opsbook's value types: generated implementations are package-private, builders are
 * strict (setting a field twice is an error, a missing mandatory field is an error), and every value type exposes a
 * public nested {@code Builder} that extends the generated one.
 *
 * <p>Apply it to a package in its {@code package-info.java}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = true,
    depluralize = true,
    defaults = @Value.Immutable(copy = true))
public @interface OpsStyle {}
