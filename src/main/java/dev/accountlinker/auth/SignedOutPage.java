package dev.accountlinker.auth;

import dev.accountlinker.config.SignInWays;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The page the browser returns to after a system-browser sign-out ({@code /v2/logout?returnTo=...}): served on
 * {@code http://127.0.0.1:<port>/signed-out}, the first free port of the configured list, so the URL is one an
 * admin registered in Auth0's Allowed Logout URLs. It lives for a bounded time: until the page has been served
 * once, its lifetime has passed, or {@link #close()}, whichever comes first; then the port is free again.
 * Same hardening as the sign-in listener: Host and path checked, per-connection deadline, small pool, and on Linux
 * only the app's own user's connections are answered (another user's get the "not for us" page).
 */
public final class SignedOutPage implements AutoCloseable {
    public static final String PATH = SignInWays.SIGNED_OUT_PATH;
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(2);

    /** How the page ended. */
    public enum Outcome {
        /** The browser came back and was shown the page. */
        SERVED,
        /** Nobody came back within the lifetime. */
        EXPIRED,
        /** Closed by the app (e.g. quitting) before either. */
        CLOSED
    }

    private final String pageHtml;
    private final CompletableFuture<Outcome> ended = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private LoopbackServer server;
    private volatile ScheduledFuture<?> expiry;

    private SignedOutPage(String pageHtml) {
        this.pageHtml = pageHtml;
    }

    /** Serves {@code pageHtml} for at most {@code lifetime}, with the default per-connection deadline. */
    public static SignedOutPage start(
            List<Integer> candidatePorts, String pageHtml, String notForUsHtml, Duration lifetime)
            throws AuthException {
        return start(candidatePorts, pageHtml, notForUsHtml, lifetime, LoopbackServer.DEFAULT_CONNECTION_DEADLINE);
    }

    /**
     * @throws AuthException LOOPBACK_UNAVAILABLE, naming every port tried, when none is free (sign out without
     *                       a return page then)
     */
    public static SignedOutPage start(
            List<Integer> candidatePorts,
            String pageHtml,
            String notForUsHtml,
            Duration lifetime,
            Duration connectionDeadline)
            throws AuthException {
        Objects.requireNonNull(pageHtml);
        Objects.requireNonNull(notForUsHtml);
        SignedOutPage page = new SignedOutPage(pageHtml);
        page.server = LoopbackServer.bind(
                candidatePorts,
                new LoopbackServer.Pages(notForUsHtml, notForUsHtml, LoopbackPeers.forThisSystem()),
                connectionDeadline,
                page::answer,
                failure -> page.finish(Outcome.CLOSED));
        page.expiry = LoopbackServer.schedule(lifetime, () -> page.finish(Outcome.EXPIRED));
        page.server.startAccepting();
        return page;
    }

    /** The {@code returnTo} of the logout URL: one of {@link SignInWays#signedOutUris()}. */
    public URI returnToUri() {
        return SignInWays.signedOutUri(server.port());
    }

    /** Completes once the page is closed, saying why; the port is free by then. */
    public CompletableFuture<Outcome> ended() {
        return ended.copy();
    }

    public boolean isClosed() {
        return server.isClosed();
    }

    private Optional<LoopbackServer.Answer> answer(String rawPath, Optional<String> rawQuery) {
        if (!rawPath.equals(PATH)) {
            return Optional.empty();
        }
        // The query (if the tenant adds one) is not read: the page says the same thing whatever it carries.
        if (!finished.compareAndSet(false, true)) {
            return Optional.of(LoopbackServer.Answer.of(410, pageHtml));
        }
        return Optional.of(new LoopbackServer.Answer(200, pageHtml, () -> stop(Outcome.SERVED)));
    }

    private void finish(Outcome outcome) {
        if (finished.compareAndSet(false, true)) {
            stop(outcome);
        }
    }

    private void stop(Outcome outcome) {
        server.close();
        ScheduledFuture<?> pending = expiry;
        if (pending != null) {
            pending.cancel(false);
        }
        ended.complete(outcome);
    }

    @Override
    public void close() {
        finish(Outcome.CLOSED);
    }

    @Override
    public String toString() {
        return "SignedOutPage[" + returnToUri() + "]";
    }
}
