package dev.accountlinker.errors;

import com.auth0.client.mgmt.core.ManagementApiException;
import com.auth0.client.mgmt.core.ManagementException;
import dev.accountlinker.auth.AuthException;
import dev.accountlinker.config.ConfigException;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorTranslatorTest {
    private final ErrorTranslator translator =
            new ErrorTranslator(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

    private static ManagementApiException apiError(int status, Map<String, Object> body) {
        return new ManagementApiException("Error with status code " + status, status, body);
    }

    private static Map<String, Object> auth0Body(int status, String error, String message, String errorCode) {
        return Map.of("statusCode", status, "error", error, "message", message, "errorCode", errorCode);
    }

    @Test
    void unauthorizedMeansSignInAgain() {
        UserMessage message =
                translator.translate(apiError(401, auth0Body(401, "Unauthorized", "Expired token", "invalid_token")));
        assertEquals("error.sessionExpired", message.key());
        assertEquals(UserMessage.Remedy.SIGN_IN_AGAIN, message.remedy());
    }

    @Test
    void insufficientScopeNamesTheMissingScope() {
        UserMessage message = translator.translate(apiError(
                403,
                auth0Body(
                        403,
                        "Forbidden",
                        "Insufficient scope, expected any of: update:current_user_identities",
                        "insufficient_scope")));
        assertEquals("error.insufficientScope", message.key());
        assertEquals(List.of("update:current_user_identities"), message.arguments());
    }

    @Test
    void badRequestAndConflictShowAuth0sOwnMessage() {
        UserMessage badRequest = translator.translate(apiError(
                400, auth0Body(400, "Bad Request", "Main identity and the new one are the same.", "invalid_body")));
        assertEquals("error.auth0", badRequest.key());
        assertEquals(
                "Main identity and the new one are the same.",
                badRequest.arguments().get(0));
        UserMessage conflict = translator.translate(
                apiError(409, auth0Body(409, "Conflict", "Already linked", "identity_already_linked")));
        assertEquals("Already linked", conflict.arguments().get(0));
        assertEquals(UserMessage.Remedy.NONE, conflict.remedy());
    }

    @Test
    void rateLimitSaysWhenToRetry() {
        Response response = new Response.Builder()
                .request(new Request.Builder()
                        .url("http://127.0.0.1/api/v2/users/x")
                        .build())
                .protocol(Protocol.HTTP_1_1)
                .code(429)
                .message("Too Many Requests")
                .header("x-ratelimit-limit", "10")
                .header("x-ratelimit-remaining", "0")
                .header(
                        "x-ratelimit-reset",
                        String.valueOf(Instant.parse("2026-11-25T12:00:42Z").getEpochSecond()))
                .build();
        UserMessage message = translator.translate(new ManagementApiException(
                "Too Many Requests",
                429,
                auth0Body(429, "Too Many Requests", "Global limit has been reached", "too_many_requests"),
                response));
        assertEquals("error.rateLimitedUntil", message.key());
        // A time of day in the clock's zone; the messages write it in the app's locale (MessagesTest).
        assertEquals(List.of(java.time.LocalTime.of(12, 0, 42)), message.arguments());
        assertEquals(UserMessage.Remedy.RETRY, message.remedy());
    }

    @Test
    void rateLimitWithoutResetHeaderStillSaysToWait() {
        assertEquals(
                "error.rateLimited",
                translator.translate(apiError(429, Map.of())).key());
    }

    @Test
    void serverErrorsAreRetryable() {
        UserMessage message = translator.translate(apiError(503, Map.of()));
        assertEquals("error.server", message.key());
        assertEquals(UserMessage.Remedy.RETRY, message.remedy());
    }

    @Test
    void networkFailuresAreNamedByKind() {
        assertEquals(
                "error.timeout",
                translator
                        .translate(new ManagementException("Network error", new SocketTimeoutException("timeout")))
                        .key());
        assertEquals(
                "error.unreachable",
                translator
                        .translate(new ManagementException("Network error", new ConnectException("Connection refused")))
                        .key());
        assertEquals(
                "error.badResponse",
                translator.translate(new ManagementException("Unexpected JSON")).key());
    }

    @Test
    void signInFailuresMapToTheirOwnMessages() {
        assertEquals(
                "signin.error.state",
                translator
                        .translate(new AuthException(AuthException.Reason.STATE_MISMATCH, ""))
                        .key());
        UserMessage denied =
                translator.translate(new AuthException(AuthException.Reason.AUTHORIZATION_ERROR, "User cancelled"));
        assertEquals("signin.error.authorization", denied.key());
        assertEquals(List.of("User cancelled"), denied.arguments());
        assertEquals(
                "error.unreachable",
                translator
                        .translate(new AuthException(AuthException.Reason.NETWORK, "", new ConnectException("refused")))
                        .key());
        assertEquals(
                "error.timeout",
                translator
                        .translate(new AuthException(AuthException.Reason.NETWORK, "", new SocketTimeoutException()))
                        .key());
    }

    @Test
    void configProblemsNameTheSetting() {
        UserMessage message = translator.translate(new ConfigException("client-id", "config.error.missing"));
        assertEquals("config.error.missing", message.key());
        assertEquals(List.of("client-id"), message.arguments());
    }

    @Test
    void cancellationAndTheUnexpectedHaveCalmMessages() {
        assertEquals(
                "error.cancelled",
                translator.translate(new CancellationException()).key());
        assertEquals(
                "error.unexpected",
                translator.translate(new IllegalStateException("boom")).key());
    }
}
