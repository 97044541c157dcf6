package dev.accountlinker.ui.login;

import dev.accountlinker.auth.AuthorizationRequest;
import dev.accountlinker.auth.CallbackResponse;

import java.util.concurrent.CompletableFuture;

/**
 * Shows the tenant's login page for one authorization request and completes with the redirect it ends in.
 * Completes exceptionally with an {@code AuthException} (cancelled, timed out, ...); cancelling the returned
 * future closes the page.
 */
@FunctionalInterface
public interface LoginLauncher {
    CompletableFuture<CallbackResponse> open(AuthorizationRequest request, String titleKey);
}
