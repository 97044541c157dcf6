package dev.accountlinker.logging;

import org.junit.jupiter.api.Test;

import static dev.accountlinker.logging.LogRedaction.REDACTED;
import static dev.accountlinker.logging.LogRedaction.redact;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LogRedactionTest {
    /** A real-shaped ID token: header.payload.signature, each base64url. */
    static final String JWT = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhdXRoMHxhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz";

    @Test
    void aJwtIsRedactedWhereverItStands() {
        assertEquals("token " + REDACTED + " end", redact("token " + JWT + " end"));
        assertEquals("(" + REDACTED + ")", redact("(" + JWT + ")"));
        // An encrypted token (JWE) has five parts, one of them empty.
        assertEquals(REDACTED, redact("eyJhbGciOiJSU0EtT0FFUCJ9..aXY.Y2lwaGVy.dGFn"));
    }

    @Test
    void theCallbacksCodeAndStateStayApartInAQueryString() {
        assertEquals(
                "GET /callback?code=" + REDACTED + "&state=s-123 HTTP/1.1",
                redact("GET /callback?code=AbC-123_x&state=s-123 HTTP/1.1"));
    }

    @Test
    void formFieldsOfATokenRequestAreRedacted() {
        assertEquals(
                "grant_type=authorization_code&code=" + REDACTED + "&code_verifier=" + REDACTED
                        + "&redirect_uri=http://127.0.0.1/callback",
                redact("grant_type=authorization_code&code=c0de&code_verifier=v3r1f13r"
                        + "&redirect_uri=http://127.0.0.1/callback"));
    }

    @Test
    void jsonTokensCodesLinkWithAndPasswordsAreRedacted() {
        assertEquals(
                "{\"access_token\":\"" + REDACTED + "\",\"id_token\": \"" + REDACTED + "\",\"refresh_token\":\""
                        + REDACTED + "\",\"token_type\":\"Bearer\"}",
                redact("{\"access_token\":\"opaque-access\",\"id_token\": \"" + JWT
                        + "\",\"refresh_token\":\"v1.refresh\",\"token_type\":\"Bearer\"}"));
        assertEquals("{\"link_with\":\"" + REDACTED + "\"}", redact("{\"link_with\":\"" + JWT + "\"}"));
        assertEquals(
                "{\"email\":\"alice@example.com\",\"password\":\"" + REDACTED + "\"}",
                redact("{\"email\":\"alice@example.com\",\"password\":\"Alice-Demo-1\"}"));
        assertEquals("{\"code\":\"" + REDACTED + "\"}", redact("{\"code\":\"a\\\"b\"}"));
    }

    @Test
    void authorizationHeaderValuesAreRedacted() {
        assertEquals("Authorization: " + REDACTED, redact("Authorization: Bearer opaque.access-token"));
        assertEquals(
                "authorization=" + REDACTED + ", accept=json", redact("authorization=Basic dXNlcjpwYXNz, accept=json"));
        assertEquals("{\"Authorization\": \"" + REDACTED + "\"}", redact("{\"Authorization\": \"Bearer abc\"}"));
    }

    @Test
    void passwordsAndTokensNamedInPlainTextAreRedacted() {
        assertEquals("password: " + REDACTED + " for alice", redact("password: Alice-Demo-1 for alice"));
        assertEquals("access_token=" + REDACTED, redact("access_token=opaque"));
        assertEquals("ACCESS_TOKEN=" + REDACTED, redact("ACCESS_TOKEN=opaque"));
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "HTTP 429 from https://acme.eu.auth0.com/api/v2/users/auth0%7Calice: errorCode=too_many_requests,"
                + " retry in 12 s (exit code 2, state=abc, connection=github)";
        assertEquals(text, redact(text));
        assertEquals(
                "java.net.ConnectException: Connection refused",
                redact("java.net.ConnectException: Connection refused"));
    }
}
