package org.zuofeng.common.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an operation requires, on its resource method, or on the resource class for the methods that do not
 * say: checked by {@link PermissionFilter} before the request's body is read. {@code @PermitAll} marks the public ones.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Requires {

    Permission value();
}
