package org.zuofeng.common.idempotency;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource class: a POST with an {@code Idempotency-Key} and a JSON body runs in one transaction with the
 * storing of its answer ({@link IdempotentCompletion}), so that a change is never kept without its answer.
 */
@InterceptorBinding
@Inherited
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
