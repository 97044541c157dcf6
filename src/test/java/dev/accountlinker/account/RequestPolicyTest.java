package dev.accountlinker.account;

import com.auth0.client.mgmt.core.ManagementApiException;
import dev.accountlinker.localtenant.MutableClock;
import okhttp3.Headers;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a Management API request is sent again, with a clock the waits move on instead of sleeping. */
class RequestPolicyTest {
    private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final List<Instant> waitedUntil = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();
    private final RequestPolicy policy = new RequestPolicy(clock, (until, cancelled) -> {
        waitedUntil.add(until);
        clock.advanceTo(until);
    });
    private final RequestContext.Listener listener = new RequestContext.Listener() {
        @Override
        public void waiting(Instant until) {
            heard.add("waiting until " + until);
        }

        @Override
        public void resumed() {
            heard.add("resumed");
        }
    };
    private final RequestContext context = RequestContext.cancellable(() -> false, listener);

    /** Answers from a script: an exception is thrown, anything else returned; counts the requests sent. */
    private static final class Script implements Supplier<String> {
        private final Deque<Object> answers = new ArrayDeque<>();
        int sent;

        Script then(Object answer) {
            answers.add(answer);
            return this;
        }

        @Override
        public String get() {
            sent++;
            Object answer = answers.removeFirst();
            if (answer instanceof RuntimeException failure) {
                throw failure;
            }
            return (String) answer;
        }
    }

    private static ManagementApiException status(int code, String... headers) {
        Response response = new Response.Builder()
                .request(new Request.Builder()
                        .url("http://127.0.0.1/api/v2/users/x")
                        .build())
                .protocol(Protocol.HTTP_1_1)
                .code(code)
                .message("status " + code)
                .headers(Headers.of(headers))
                .build();
        return new ManagementApiException("status " + code, code, null, response);
    }

    private static ManagementApiException rateLimited(Instant reset) {
        return status(
                429,
                "x-ratelimit-limit",
                "2",
                "x-ratelimit-remaining",
                "0",
                "x-ratelimit-reset",
                String.valueOf(reset.getEpochSecond()));
    }

    @Test
    void aRateLimitedWriteIsSentAgainOnceTheLimitResets() {
        Instant reset = START.plusSeconds(3);
        Script request = new Script().then(rateLimited(reset)).then("linked");

        assertEquals("linked", policy.write(request, context));

        assertEquals(2, request.sent);
        assertEquals(List.of(reset), waitedUntil, "waits exactly until x-ratelimit-reset");
        assertEquals(List.of("waiting until " + reset, "resumed"), heard);
    }

    @Test
    void aResetFurtherThanTheLongestWaitIsTheAnswer() {
        ManagementApiException refused =
                rateLimited(START.plus(RequestPolicy.MAX_WAIT).plusSeconds(1));
        Script request = new Script().then(refused);

        assertSame(refused, assertThrows(ManagementApiException.class, () -> policy.read(request, context)));
        assertEquals(1, request.sent);
        assertTrue(waitedUntil.isEmpty() && heard.isEmpty());
    }

    @Test
    void aCancelDuringTheWaitSendsNothingMore() {
        AtomicBoolean cancelled = new AtomicBoolean();
        RequestPolicy cancelledWhileWaiting = new RequestPolicy(clock, (until, isCancelled) -> cancelled.set(true));
        Script request = new Script().then(rateLimited(START.plusSeconds(2))).then("never");

        assertThrows(
                CancellationException.class,
                () -> cancelledWhileWaiting.write(request, RequestContext.cancellable(cancelled::get, listener)));
        assertEquals(1, request.sent);
    }

    @Test
    void nothingIsSentOnceCancelled() {
        Script request = new Script().then("never");
        assertThrows(
                CancellationException.class,
                () -> policy.read(request, RequestContext.cancellable(() -> true, listener)));
        assertEquals(0, request.sent);
    }

    @Test
    void aWriteThatMetAServerErrorIsNeverSentAgain() {
        Script request = new Script().then(status(503)).then("twice");
        assertEquals(
                503,
                assertThrows(ManagementApiException.class, () -> policy.write(request, context))
                        .statusCode());
        assertEquals(1, request.sent);
    }

    @Test
    void aReadThatMetServerErrorsIsSentAgainTwiceAfterShortPauses() {
        Script request = new Script().then(status(503)).then(status(502)).then("read");
        assertEquals("read", policy.read(request, context));
        assertEquals(3, request.sent);
        assertEquals(
                List.of(
                        START.plus(RequestPolicy.READ_RETRY_PAUSES.get(0)),
                        START.plus(RequestPolicy.READ_RETRY_PAUSES.get(0))
                                .plus(RequestPolicy.READ_RETRY_PAUSES.get(1))),
                waitedUntil);
        assertTrue(heard.isEmpty(), "a short pause is not a rate-limit wait");

        Script failing = new Script()
                .then(status(500))
                .then(status(500))
                .then(status(500))
                .then("never");
        assertEquals(
                500,
                assertThrows(ManagementApiException.class, () -> policy.read(failing, context))
                        .statusCode());
        assertEquals(3, failing.sent);
    }

    @Test
    void aReadRefusedForAClientErrorIsNotSentAgain() {
        Script request = new Script().then(status(404)).then("never");
        assertEquals(
                404,
                assertThrows(ManagementApiException.class, () -> policy.read(request, context))
                        .statusCode());
        assertEquals(1, request.sent);
    }

    @Test
    void withoutAResetTimeItWaitsASecond() {
        Script request = new Script().then(status(429)).then("ok");
        assertEquals("ok", policy.write(request, context));
        assertEquals(List.of(START.plusSeconds(1)), waitedUntil);
    }

    @Test
    void aTenantThatKeepsRefusingIsAnsweredWithItsRefusal() {
        Script request = new Script();
        for (int i = 0; i <= RequestPolicy.MAX_RATE_LIMIT_WAITS; i++) {
            request.then(rateLimited(clock.instant().plusSeconds(1 + i)));
        }
        assertEquals(
                429,
                assertThrows(ManagementApiException.class, () -> policy.write(request, context))
                        .statusCode());
        assertEquals(RequestPolicy.MAX_RATE_LIMIT_WAITS + 1, request.sent);
        assertEquals(RequestPolicy.MAX_RATE_LIMIT_WAITS, waitedUntil.size());
    }

    @Test
    void theSleepingWaiterEndsWhenCancelled() throws Exception {
        RequestPolicy sleeping = RequestPolicy.sleeping(java.time.Clock.systemUTC());
        AtomicBoolean cancelled = new AtomicBoolean(true);
        long start = System.nanoTime();
        Script request = new Script()
                .then(rateLimited(Instant.now().plus(Duration.ofSeconds(20))))
                .then("never");
        assertThrows(
                CancellationException.class,
                () -> sleeping.write(
                        request, RequestContext.cancellable(() -> request.sent > 0 && cancelled.get(), listener)));
        assertTrue(
                Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) < 0,
                "a cancelled wait ends at once, not at the reset");
    }
}
