package dev.accountlinker.auth;

import dev.accountlinker.config.SignInWays;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The loopback listener of one system-browser sign-in (RFC 8252 section 7.3) on a fixed, registrable
 * {@code http://127.0.0.1:<port>/callback}: the first free port of the configured list. It waits for the one
 * redirect that carries this attempt's {@code state}; anything else (another Host, another path, a missing or
 * foreign state) is answered 400 or 404 and the wait goes on, so a forged request cannot end the attempt. The
 * redirect with our state ends it, with a code or with an error such as {@code access_denied}. The listener is
 * closed on every way out: that callback, the attempt's timeout, the caller cancelling the future, or
 * {@link #close()}; after that the port refuses connections (a request already accepted gets 410).
 *
 * <p>The browser is never given the authorize URL itself: whatever opens the browser puts its URL on a command
 * line that every local user can read, and that URL (state, nonce, PKCE challenge) would let another user sign in
 * as themselves and have our listener redeem their code. It is given a one-time {@link #startUri start URL} on
 * this listener instead, whose only use is a single redirect to the authorize URL. On Linux, both that and the
 * callback are answered only to connections of this app's own user ({@link LoopbackPeers}).
 */
public final class LoopbackReceiver implements AutoCloseable {
    public static final String PATH = SignInWays.CALLBACK_PATH;
    /** Followed by this attempt's random part: {@code /start/<random>}. */
    public static final String START_PATH_PREFIX = "/start/";
    /** 256 bits: a start URL cannot be guessed within an attempt's lifetime. */
    private static final int START_RANDOM_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The pages the browser is shown, in the app's own words: after the callback (success or error), for a request
     * that was not this attempt's callback, for a connection of another user of this computer, and for a start URL
     * that was already used or whose attempt has ended.
     */
    public record Pages(
            String successHtml, String errorHtml, String notForUsHtml, String otherUserHtml, String linkUsedHtml) {
        public Pages {
            Objects.requireNonNull(successHtml);
            Objects.requireNonNull(errorHtml);
            Objects.requireNonNull(notForUsHtml);
            Objects.requireNonNull(otherUserHtml);
            Objects.requireNonNull(linkUsedHtml);
        }
    }

    private final Pages pages;
    private final CompletableFuture<CallbackResponse> callback = new CompletableFuture<>();
    /** Set once by whatever ends the attempt first: the callback, the timeout, a cancel or close. */
    private final AtomicBoolean ended = new AtomicBoolean();
    /** Guards the start URL's three fields: minted on the caller's thread, used on a listener's. */
    private final Object startLock = new Object();

    private LoopbackServer server;
    private URI redirectUri;
    private volatile String expectedState;
    private volatile ScheduledFuture<?> timeout;
    private String startRandom;
    private String startTarget;
    private boolean startUsed;

    private LoopbackReceiver(Pages pages) {
        this.pages = pages;
    }

    /** Listens on the first free port of {@code candidatePorts}, with the default per-connection deadline. */
    public static LoopbackReceiver start(List<Integer> candidatePorts, Pages pages) throws AuthException {
        return start(candidatePorts, pages, LoopbackServer.DEFAULT_CONNECTION_DEADLINE);
    }

    /**
     * Listens on the first free port of {@code candidatePorts}, answering only this app's user where the system
     * can tell ({@link LoopbackPeers#forThisSystem()}).
     *
     * @param connectionDeadline how long one connection may take to send its request
     * @throws AuthException LOOPBACK_UNAVAILABLE, naming every port tried, when none is free
     */
    public static LoopbackReceiver start(List<Integer> candidatePorts, Pages pages, Duration connectionDeadline)
            throws AuthException {
        return start(candidatePorts, pages, connectionDeadline, LoopbackPeers.forThisSystem());
    }

    /** @param peers tells which connections come from this app's user */
    public static LoopbackReceiver start(
            List<Integer> candidatePorts, Pages pages, Duration connectionDeadline, LoopbackPeers peers)
            throws AuthException {
        LoopbackReceiver receiver = new LoopbackReceiver(pages);
        receiver.server = LoopbackServer.bind(
                candidatePorts,
                new LoopbackServer.Pages(pages.notForUsHtml(), pages.otherUserHtml(), peers),
                connectionDeadline,
                receiver::route,
                failure -> receiver.end(new AuthException(AuthException.Reason.NETWORK, "", failure)));
        receiver.redirectUri = SignInWays.callbackUri(receiver.server.port());
        receiver.server.startAccepting();
        return receiver;
    }

    public URI redirectUri() {
        return redirectUri;
    }

    public int port() {
        return server.port();
    }

    /**
     * Waits for the callback that carries {@code state}. The future completes with it (a code or the tenant's
     * error), or exceptionally with TIMED_OUT after {@code timeout}, or CANCELLED on {@link #close()}; cancelling
     * the future closes the listener. One attempt per listener.
     */
    public CompletableFuture<CallbackResponse> awaitCallback(String state, Duration timeout) {
        Objects.requireNonNull(state);
        synchronized (this) {
            if (expectedState != null) {
                throw new IllegalStateException("A loopback listener serves one sign-in attempt");
            }
            expectedState = state;
        }
        callback.whenComplete((value, failure) -> {
            // Also the caller cancelling the future: nothing else may end the attempt any more.
            ended.set(true);
            stopListening();
        });
        this.timeout =
                LoopbackServer.schedule(timeout, () -> end(new AuthException(AuthException.Reason.TIMED_OUT, "")));
        if (callback.isDone()) {
            stopListening(); // closed before the wait began: no timer left behind
        }
        return callback;
    }

    /**
     * The URL to open in the browser for {@code authorizeUrl}: {@code http://127.0.0.1:<port>/start/<random>},
     * which answers one request with a redirect to {@code authorizeUrl}, and then only 410 (as it does once the
     * attempt has ended); any other random gets 404. While the current one is unused it is given again (open the
     * browser again, copy the link); once used, a new one is made. At most one is valid at any time.
     */
    public URI startUri(String authorizeUrl) {
        Objects.requireNonNull(authorizeUrl);
        synchronized (startLock) {
            if (startRandom == null || startUsed || !authorizeUrl.equals(startTarget)) {
                byte[] random = new byte[START_RANDOM_BYTES];
                RANDOM.nextBytes(random);
                startRandom = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                startTarget = authorizeUrl;
                startUsed = false;
            }
            return URI.create("http://127.0.0.1:" + server.port() + START_PATH_PREFIX + startRandom);
        }
    }

    private Optional<LoopbackServer.Answer> route(String rawPath, Optional<String> rawQuery) {
        if (rawPath.equals(PATH)) {
            return Optional.of(answer(rawQuery));
        }
        if (rawPath.startsWith(START_PATH_PREFIX)) {
            return answerStart(rawPath.substring(START_PATH_PREFIX.length()));
        }
        return Optional.empty();
    }

    private Optional<LoopbackServer.Answer> answerStart(String random) {
        synchronized (startLock) {
            if (startRandom == null || !sameSecret(random, startRandom)) {
                return Optional.empty(); // a guess or an old link: not ours
            }
            if (startUsed || ended.get()) {
                return Optional.of(LoopbackServer.Answer.of(410, pages.linkUsedHtml()));
            }
            startUsed = true;
            return Optional.of(LoopbackServer.Answer.redirect(startTarget, () -> {}));
        }
    }

    private LoopbackServer.Answer answer(Optional<String> rawQuery) {
        if (ended.get()) {
            return LoopbackServer.Answer.of(410, pages.errorHtml());
        }
        Optional<CallbackResponse> response =
                rawQuery.flatMap(query -> CallbackResponse.match(redirectUri + "?" + query, redirectUri));
        String state = expectedState;
        boolean ours = state != null
                && response.flatMap(CallbackResponse::state)
                        .map(received -> sameSecret(received, state))
                        .orElse(false);
        if (!ours) {
            // A guess, a stale tab or a page on another site: not the answer to this attempt, keep waiting.
            return LoopbackServer.Answer.of(400, pages.notForUsHtml());
        }
        if (!ended.compareAndSet(false, true)) {
            return LoopbackServer.Answer.of(410, pages.errorHtml()); // exactly one callback
        }
        CallbackResponse ourCallback = response.get();
        boolean success = ourCallback.code().isPresent() && ourCallback.error().isEmpty();
        return new LoopbackServer.Answer(200, success ? pages.successHtml() : pages.errorHtml(), () -> {
            // The port is free before anyone waiting on the future hears of the callback.
            stopListening();
            callback.complete(ourCallback);
        });
    }

    private static boolean sameSecret(String received, String expected) {
        return MessageDigest.isEqual(
                received.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private void end(AuthException failure) {
        if (ended.compareAndSet(false, true)) {
            stopListening();
            callback.completeExceptionally(failure);
        }
    }

    private void stopListening() {
        server.close();
        ScheduledFuture<?> pending = timeout;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    public boolean isClosed() {
        return server.isClosed();
    }

    /** Ends the attempt (the app quits, the user cancels): the port is free when this returns. */
    @Override
    public void close() {
        end(new AuthException(AuthException.Reason.CANCELLED, ""));
        stopListening();
    }

    @Override
    public String toString() {
        return "LoopbackReceiver[" + redirectUri + "]";
    }
}
