package com.sudamall.chat.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error codes an endpoint answers with beyond those the API docs derive for every operation (bad input where it
 * takes input, not found where its path names something, unavailable when the database is down, unauthorized where
 * it needs a caller). The OpenAPI document lists each as a problem+json answer under its status.
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Problems {

    ErrorCode[] value();
}
