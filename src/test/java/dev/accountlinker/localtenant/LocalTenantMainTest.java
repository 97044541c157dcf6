package dev.accountlinker.localtenant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LocalTenantMain's command line, parsed without starting a process. */
class LocalTenantMainTest {

    @Test
    void defaultsArePort8765AndTheEssentialsPlanLimit() {
        assertEquals(new LocalTenantMain.Options(8765, RateLimit.essentials()), LocalTenantMain.Options.parse());
    }

    @Test
    void rateLimitFlagChoosesAPlanOrOff() {
        assertEquals(
                RateLimit.freePlan(),
                LocalTenantMain.Options.parse("--rate-limit=free").rateLimit());
        assertEquals(
                RateLimit.essentials(),
                LocalTenantMain.Options.parse("--rate-limit=paid").rateLimit());
        assertEquals(
                RateLimit.essentials(),
                LocalTenantMain.Options.parse("--rate-limit=essentials").rateLimit());
        assertEquals(
                RateLimit.professional(),
                LocalTenantMain.Options.parse("--rate-limit=professional").rateLimit());
        assertEquals(
                RateLimit.enterprise(),
                LocalTenantMain.Options.parse("--rate-limit=enterprise").rateLimit());
        assertEquals(
                RateLimit.off(),
                LocalTenantMain.Options.parse("--rate-limit=OFF").rateLimit());
        assertEquals(
                new LocalTenantMain.Options(9000, RateLimit.freePlan()),
                LocalTenantMain.Options.parse("--rate-limit=free", "--port=9000"));
    }

    @Test
    void flagsMayComeInOneArgumentAsMavenExecPassesThem() {
        assertEquals(
                new LocalTenantMain.Options(9000, RateLimit.off()),
                LocalTenantMain.Options.parse(" --port=9000  --rate-limit=off "));
        assertEquals(LocalTenantMain.Options.parse(), LocalTenantMain.Options.parse(""));
    }

    @Test
    void wrongArgumentsAreRefusedWithAMessage() {
        IllegalArgumentException limit = assertThrows(
                IllegalArgumentException.class, () -> LocalTenantMain.Options.parse("--rate-limit=platinum"));
        assertTrue(
                limit.getMessage().contains("free, essentials, professional, enterprise or off"), limit.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LocalTenantMain.Options.parse("--rate-limit="));
        assertThrows(IllegalArgumentException.class, () -> LocalTenantMain.Options.parse("--port=http"));
        assertThrows(IllegalArgumentException.class, () -> LocalTenantMain.Options.parse("--port=70000"));
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> LocalTenantMain.Options.parse("--ratelimit=free"));
        assertTrue(unknown.getMessage().contains("--ratelimit=free"), unknown.getMessage());
    }

    @Test
    void theParsedOptionsConfigureTheTenant() {
        try (LocalTenant tenant = LocalTenantMain.Options.parse("--port=0", "--rate-limit=free")
                .builder()
                .start()) {
            assertEquals(RateLimit.freePlan(), tenant.rateLimit());
            assertTrue(tenant.port() > 0);
            tenant.requests();
            tenant.faults();
        }
    }
}
