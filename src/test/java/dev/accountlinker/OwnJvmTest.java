package dev.accountlinker;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.accountlinker.TestTierFilter.Tier;
import dev.accountlinker.localtenant.TestCertificate;
import org.junit.jupiter.api.Test;

import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * UI classes share JVMs (decision 0002): a class that changes what a JVM keeps for good must say so with
 * {@link OwnJvm}, or the next class in its JVM inherits the change (a trust store set by one class made every later
 * sign-in of that JVM fail with "problem accessing trust store").
 */
class OwnJvmTest {
    /** The calls that change a JVM for good, by the class that declares them. */
    private static final Map<Class<?>, Set<String>> JVM_WIDE = Map.of(
            System.class, Set.of("setProperty", "setProperties", "clearProperty", "setSecurityManager"),
            Locale.class, Set.of("setDefault"),
            Thread.class, Set.of("setDefaultUncaughtExceptionHandler"),
            CookieHandler.class, Set.of("setDefault"),
            ProxySelector.class, Set.of("setDefault"),
            Authenticator.class, Set.of("setDefault"),
            TestCertificate.class, Set.of("trustInThisJvm"));

    @Test
    void everyUiClassThatChangesTheJvmForGoodHasAJvmOfItsOwn() {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("dev.accountlinker");
        Set<String> unmarked = new TreeSet<>();
        List<String> seenChanging = new ArrayList<>();
        for (JavaClass type : tests) {
            JavaClass outermost = outermost(type);
            if (!outermost.getSimpleName().endsWith("UiTest")) {
                continue;
            }
            boolean changesTheJvm = type.getMethodCallsFromSelf().stream().anyMatch(OwnJvmTest::changesTheJvm);
            if (changesTheJvm && !outermost.isAnnotatedWith(OwnJvm.class)) {
                unmarked.add(outermost.getName());
            }
            if (changesTheJvm && type == outermost) {
                seenChanging.add(type.getSimpleName());
            }
        }
        assertEquals(Set.of(), unmarked, "UI classes that change the JVM for good but share it with other classes");
        assertTrue(seenChanging.contains("ProxyUiTest"), "the rule sees the calls it looks for: " + seenChanging);
    }

    @Test
    void aMarkedUiClassHasATierOfItsOwnAndAnUnmarkedOneSharesTheUiTier() throws ClassNotFoundException {
        Class<?> marked = Class.forName("dev.accountlinker.ui.ProxyUiTest");
        assertEquals(Tier.UI_OWN_JVM, Tier.of(marked));
        assertEquals("ui-own-jvm", Tier.of(marked).property());
        assertEquals(Tier.UI, Tier.of(Class.forName("dev.accountlinker.ui.LinkingUiTest")));
        assertEquals(Tier.UNIT, Tier.of(OwnJvmTest.class));
    }

    private static boolean changesTheJvm(JavaMethodCall call) {
        return JVM_WIDE.entrySet().stream()
                .anyMatch(entry -> call.getTargetOwner().isEquivalentTo(entry.getKey())
                        && entry.getValue().contains(call.getName()));
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass at = type;
        while (at.getEnclosingClass().isPresent()) {
            at = at.getEnclosingClass().get();
        }
        return at;
    }
}
