package dev.accountlinker.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallbackResponseTest {
    private static final URI REDIRECT = URI.create("http://127.0.0.1/callback");

    @Test
    void readsCodeAndStateFromTheRedirect() {
        CallbackResponse response = CallbackResponse.match("http://127.0.0.1/callback?code=abc%2B1&state=xyz", REDIRECT)
                .orElseThrow();
        assertEquals(Optional.of("abc+1"), response.code());
        assertEquals(Optional.of("xyz"), response.state());
        assertTrue(response.error().isEmpty());
    }

    @Test
    void readsAnErrorRedirect() {
        CallbackResponse response = CallbackResponse.match(
                        "http://127.0.0.1:80/callback?error=access_denied&error_description=User%20said%20no&state=s",
                        REDIRECT)
                .orElseThrow();
        assertEquals(Optional.of("access_denied"), response.error());
        assertEquals(Optional.of("User said no"), response.errorDescription());
    }

    @Test
    void aRepeatedStateCannotOverrideTheFirst() {
        CallbackResponse response = CallbackResponse.match(
                        "http://127.0.0.1/callback?state=mine&code=c&state=theirs", REDIRECT)
                .orElseThrow();
        assertEquals(Optional.of("mine"), response.state());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.2/callback?code=c&state=s", // other host
                "http://localhost/callback?code=c&state=s", // other host name for loopback
                "http://127.0.0.1:8080/callback?code=c&state=s", // other port
                "https://127.0.0.1/callback?code=c&state=s", // other scheme
                "http://127.0.0.1/callback2?code=c&state=s", // other path
                "http://127.0.0.1/evil/callback?code=c&state=s", // extra path prefix
                "http://127.0.0.1/callback/extra?code=c&state=s", // extra path suffix
                "http://127.0.0.1.evil.example/callback?code=c", // look-alike host
                "http://user@127.0.0.2/callback?code=c", // user-info trick
                "http://127.0.0.1:8765/authorize?redirect_uri=http://127.0.0.1/callback",
                "about:blank",
                "not a url"
            })
    void ignoresEveryLocationThatIsNotExactlyTheRedirectUri(String location) {
        assertTrue(CallbackResponse.match(location, REDIRECT).isEmpty(), location);
    }

    @Test
    void toStringDoesNotRevealTheCode() {
        CallbackResponse response = CallbackResponse.match(
                        "http://127.0.0.1/callback?code=SECRETCODE&state=s", REDIRECT)
                .orElseThrow();
        assertTrue(!response.toString().contains("SECRETCODE"));
    }
}
