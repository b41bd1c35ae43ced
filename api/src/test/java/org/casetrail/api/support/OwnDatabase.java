package org.casetrail.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test whose history must be its own (figures worked out by hand, an access log checked entry by
 * entry): it gets an application context, and so a fresh database, of its own, named here. Tests without it share
 * one context and database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface OwnDatabase {

    /** What the database holds, e.g. "figures"; tests naming the same one share it. */
    String value();
}
