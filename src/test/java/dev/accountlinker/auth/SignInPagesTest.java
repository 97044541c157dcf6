package dev.accountlinker.auth;

import dev.accountlinker.auth.SignInPages.Allowed;
import dev.accountlinker.auth.SignInPages.Blocked;
import dev.accountlinker.auth.SignInPages.Page;
import dev.accountlinker.auth.SignInPages.Security;
import dev.accountlinker.config.AppConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the embedded sign-in window may go (RFC 8252 §8.12), decided without a window. */
class SignInPagesTest {
    private final SignInPages realTenant = SignInPages.forTenant(
            URI.create("https://acme.eu.auth0.com/authorize?client_id=x"), AppConfig.DEFAULT_SIGN_IN_HOSTS);
    private final SignInPages demo =
            SignInPages.forTenant(URI.create("http://127.0.0.1:8765/authorize"), List.of("localhost"));

    private static Optional<SignInPages.Decision> allowed(String host, Security security) {
        return Optional.of(new Allowed(new Page(host, security)));
    }

    private static Optional<SignInPages.Decision> blocked(String shownAs) {
        return Optional.of(new Blocked(shownAs));
    }

    @Test
    void theTenantsPagesAndTheKnownProvidersLoadOverHttps() {
        assertEquals(
                allowed("acme.eu.auth0.com", Security.SECURE), realTenant.decide("https://acme.eu.auth0.com/u/login"));
        assertEquals(
                allowed("acme.eu.auth0.com", Security.SECURE), realTenant.decide("HTTPS://ACME.eu.auth0.com:443/x"));
        for (String host : List.of(
                "accounts.google.com",
                "github.com",
                "login.microsoftonline.com",
                "appleid.apple.com",
                "www.facebook.com")) {
            assertEquals(allowed(host, Security.SECURE), realTenant.decide("https://" + host + "/login"), host);
        }
    }

    @Test
    void everyOtherPlaceIsBlockedAndNamed() {
        assertEquals(blocked("evil.example"), realTenant.decide("https://evil.example/phish"));
        assertEquals(
                blocked("acme.eu.auth0.com.evil.example"),
                realTenant.decide("https://acme.eu.auth0.com.evil.example/"));
        assertEquals(blocked("gist.github.com"), realTenant.decide("https://gist.github.com/"), "no subdomains");
        assertEquals(
                blocked("acme.eu.auth0.com"), realTenant.decide("http://acme.eu.auth0.com/u/login"), "no downgrade");
        assertEquals(blocked("github.com"), realTenant.decide("http://github.com/login"));
        assertEquals(blocked("127.0.0.1"), realTenant.decide("http://127.0.0.1:28471/elsewhere"));
        assertEquals(blocked("file:"), realTenant.decide("file:///etc/passwd"));
        assertEquals(blocked("data:"), realTenant.decide("data:text/html,<h1>Sign in</h1>"));
        assertEquals(blocked("javascript:"), realTenant.decide("javascript:alert(1)"));
        assertEquals(blocked("jar:"), realTenant.decide("jar:file:/x.jar!/a.html"));
    }

    @Test
    void noPageAtAllIsNeitherAllowedNorBlocked() {
        assertEquals(Optional.empty(), realTenant.decide(null));
        assertEquals(Optional.empty(), realTenant.decide(""));
        assertEquals(Optional.empty(), realTenant.decide("about:blank"));
    }

    @Test
    void theDemoTenantOnThisComputerIsMarkedAsSuchAndOtherPlainHttpAsNotSecure() {
        assertEquals(allowed("127.0.0.1", Security.THIS_COMPUTER), demo.decide("http://127.0.0.1:8765/u/login"));
        assertEquals(
                allowed("127.0.0.1", Security.THIS_COMPUTER),
                demo.decide("http://127.0.0.1:9999/other"),
                "the host decides, not the port");
        assertEquals(allowed("localhost", Security.NOT_SECURE), demo.decide("http://localhost:9999/idp"));
        assertEquals(blocked("127.0.0.2"), demo.decide("http://127.0.0.2/"));
        assertEquals(
                blocked("intranet.example"),
                SignInPages.forTenant(URI.create("https://acme.test/authorize"), List.of("intranet.example"))
                        .decide("http://intranet.example/login"),
                "plain http to a listed host on the network");
        assertEquals(
                blocked("accounts.google.com"),
                SignInPages.forTenant(URI.create("https://acme.test/authorize"), List.of())
                        .decide("https://accounts.google.com/"),
                "sign-in-hosts=none: the tenant's pages only");
    }
}
