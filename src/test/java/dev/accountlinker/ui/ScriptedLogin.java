package dev.accountlinker.ui;

import dev.accountlinker.auth.AuthException;
import dev.accountlinker.auth.AuthorizationRequest;
import dev.accountlinker.auth.CallbackResponse;
import dev.accountlinker.testkit.TenantBrowser;
import dev.accountlinker.ui.signin.LoginLauncher;
import dev.accountlinker.ui.signin.LoginPurpose;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Plays the person at the tenant's real login page, without a window: each sign-in the app asks for takes the
 * next step of the script (sign in with these credentials over HTTP, close the window, never answer...).
 * For view-model tests that run without the JavaFX toolkit.
 */
public final class ScriptedLogin implements LoginLauncher {
    private final Deque<Function<AuthorizationRequest, CompletableFuture<CallbackResponse>>> steps = new ArrayDeque<>();
    private final List<AuthorizationRequest> requests = new ArrayList<>();
    private final List<CompletableFuture<CallbackResponse>> unanswered = new ArrayList<>();

    /** The person signs in on the tenant's page (a fresh browser: no single-sign-on cookie). */
    public ScriptedLogin signInAs(String email, String password) {
        steps.add(request -> {
            URI callback = new TenantBrowser(request.redirectUri().toString()).signIn(request.url(), email, password);
            return CompletableFuture.completedFuture(CallbackResponse.match(callback.toString(), request.redirectUri())
                    .orElseThrow(() -> new AssertionError("the tenant did not redirect to the callback")));
        });
        return this;
    }

    /** The person closes the sign-in window. */
    public ScriptedLogin closeWindow() {
        steps.add(request -> CompletableFuture.failedFuture(AuthException.cancelled()));
        return this;
    }

    /** The tenant redirects back with an error (e.g. {@code access_denied}) for this attempt. */
    public ScriptedLogin errorRedirect(String error, String description) {
        steps.add(request -> CompletableFuture.completedFuture(new CallbackResponse(
                java.util.Optional.empty(),
                java.util.Optional.of(request.state()),
                java.util.Optional.of(error),
                java.util.Optional.of(description))));
        return this;
    }

    /** The window stays open: the sign-in never finishes by itself (a test then cancels). */
    public ScriptedLogin neverAnswer() {
        steps.add(request -> {
            CompletableFuture<CallbackResponse> pending = new CompletableFuture<>();
            unanswered.add(pending);
            return pending;
        });
        return this;
    }

    @Override
    public CompletableFuture<CallbackResponse> open(AuthorizationRequest request, LoginPurpose purpose) {
        requests.add(request);
        if (steps.isEmpty()) {
            throw new AssertionError("the app asked for a sign-in the test did not script (" + purpose + ")");
        }
        return steps.removeFirst().apply(request);
    }

    /** Every authorize request the app made, oldest first. */
    public List<AuthorizationRequest> requests() {
        return List.copyOf(requests);
    }

    /** True when every window left open was closed by the app (its future cancelled or completed). */
    public boolean everyWindowClosed() {
        return unanswered.stream().allMatch(CompletableFuture::isDone);
    }
}
