package dev.accountlinker;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps each test class in the tier its name gives it, in every surefire execution, even when {@code -Dtest=…} is
 * given (which makes surefire ignore the executions' name patterns, so a {@code *UiTest} also ran in the JVM of the
 * unit tests). The pom tells each execution its tier in {@value #PROPERTY}; without it (an IDE, a tester's own build)
 * every test runs. Registered for the project's own test JVMs through {@code META-INF/services}, never in the kit.
 */
public final class TestTierFilter implements PostDiscoveryFilter {
    /**
     * The tiers the test JVM runs, separated by commas: {@code unit}, {@code component}, {@code ui} or
     * {@code ui-own-jvm}.
     */
    public static final String PROPERTY = "accountlinker.testTier";

    /** The tiers, by the end of a test class's name (docs/testing.md, "The project's own tests"). */
    public enum Tier {
        /** Pure rules, view models and HTTP against the local tenant: all in one JVM, no toolkit. */
        UNIT,
        /** {@code *ComponentTest}: one view over a real view model on Monocle, all in one JVM, no WebView. */
        COMPONENT,
        /** {@code *UiTest}: the whole app with the WebView; the classes share a few JVMs, one class at a time each. */
        UI,
        /** A {@code *UiTest} marked {@link OwnJvm}: it changes what a JVM keeps, so it has a JVM of its own. */
        UI_OWN_JVM;

        /** The value of {@value #PROPERTY} that names this tier: {@code unit}, …, {@code ui-own-jvm}. */
        public String property() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The tier of a loaded test class: its name's, and {@link #UI_OWN_JVM} for a UI class marked so. */
        public static Tier of(Class<?> type) {
            Class<?> outermost = type;
            while (outermost.getEnclosingClass() != null) {
                outermost = outermost.getEnclosingClass();
            }
            Tier byName = of(outermost.getName());
            return byName == UI && outermost.isAnnotationPresent(OwnJvm.class) ? UI_OWN_JVM : byName;
        }

        /** The tier of a test class (a nested class has its outermost class's). */
        public static Tier of(String className) {
            int nested = className.indexOf('$');
            String outermost = nested < 0 ? className : className.substring(0, nested);
            if (outermost.endsWith("UiTest")) {
                return UI;
            }
            return outermost.endsWith("ComponentTest") ? COMPONENT : UNIT;
        }
    }

    @Override
    public FilterResult apply(TestDescriptor test) {
        String wanted = System.getProperty(PROPERTY, "").strip();
        Optional<Class<?>> testClass = testClass(test);
        if (wanted.isEmpty() || testClass.isEmpty()) {
            return FilterResult.included("no tier chosen for this JVM");
        }
        Tier tier = Tier.of(testClass.get());
        return Arrays.stream(wanted.split(",")).map(String::strip).anyMatch(tier.property()::equals)
                ? FilterResult.included("a " + tier.property() + " test")
                : FilterResult.excluded("runs in the " + tier.property() + " tests' execution, not here");
    }

    /**
     * The class a test belongs to: its own source's, else its nearest container's (ArchUnit's rules, say, are fields,
     * whose source only their class's descriptor names).
     */
    private static Optional<Class<?>> testClass(TestDescriptor test) {
        for (Optional<TestDescriptor> at = Optional.of(test);
                at.isPresent();
                at = at.get().getParent()) {
            Optional<Class<?>> type = at.get().getSource().flatMap(TestTierFilter::testClass);
            if (type.isPresent()) {
                return type;
            }
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> testClass(TestSource source) {
        if (source instanceof MethodSource method) {
            return Optional.of(method.getJavaClass());
        }
        if (source instanceof ClassSource type) {
            return Optional.of(type.getJavaClass());
        }
        return Optional.empty();
    }
}
