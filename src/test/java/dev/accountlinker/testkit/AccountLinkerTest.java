package dev.accountlinker.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs each test of the class against its own local tenant (the demo accounts) and its own Account Linker, headless,
 * and stops both afterwards. Test methods may take an {@link AccountLinkerRobot}, the tenant's
 * {@link TenantControls} and the {@link AccountLinkerSession} as parameters. For other options register
 * {@link AccountLinkerExtension#builder()} in a field instead (the annotation then leaves the work to that field).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AccountLinkerExtension.class)
public @interface AccountLinkerTest {}
