package dev.accountlinker.ui.signin;

import dev.accountlinker.auth.AuthException;
import dev.accountlinker.auth.AuthorizationRequest;
import dev.accountlinker.auth.CallbackResponse;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One way of getting the authorization code for one attempt: the embedded login window, or the system
 * browser with a loopback listener. Everything before (PKCE, state, nonce) and after (exchange, validation)
 * is the same {@link SignInFlow}.
 */
public interface LoginLauncher {
    /**
     * Gets ready before the authorize URL is built and says which redirect URI it must name, when not the
     * configured one (the loopback listener's). Called on a background thread.
     */
    default Optional<URI> prepare() throws AuthException {
        return Optional.empty();
    }

    /**
     * Shows the tenant's login page for the request and completes with the redirect it ends in, or
     * exceptionally with an {@link AuthException} (cancelled, timed out, switch to the browser...);
     * cancelling the returned future closes what was opened. Called on the UI thread.
     */
    CompletableFuture<CallbackResponse> open(AuthorizationRequest request, LoginPurpose purpose);

    /**
     * Releases what {@link #prepare()} took when the attempt ends before {@link #open} (e.g. cancelled). May be
     * called while {@link #prepare()} is still running on another thread.
     */
    default void abandon() {}
}
