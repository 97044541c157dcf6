package dev.accountlinker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code *UiTest} class that changes what a JVM keeps for good (a system property read once, such as the trust
 * store, the default locale, the default uncaught-exception handler, the proxy selector, the screen's size) and so
 * runs in a JVM of its own, in the {@code ui-own-jvm-tests} execution. Every other UI class shares the
 * {@code ui-tests} execution's JVMs, as the tests of one class always have (decision 0002's second addendum). Say
 * why in {@link #value()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnJvm {
    /** What the class changes that the next class in the JVM would inherit. */
    String value();
}
