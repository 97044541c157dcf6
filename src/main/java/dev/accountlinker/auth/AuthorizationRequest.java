package dev.accountlinker.auth;

import java.net.URI;
import java.util.Optional;

/**
 * One authorization attempt: the URL to open plus the secrets needed to finish it. Created fresh per
 * attempt so a state, nonce or verifier is never reused.
 */
public final class AuthorizationRequest {
    private final String url;
    private final String state;
    private final String nonce;
    private final Pkce pkce;
    private final URI redirectUri;
    private final Optional<Integer> maxAgeSeconds;

    AuthorizationRequest(
            String url, String state, String nonce, Pkce pkce, URI redirectUri, Optional<Integer> maxAgeSeconds) {
        this.url = url;
        this.state = state;
        this.nonce = nonce;
        this.pkce = pkce;
        this.redirectUri = redirectUri;
        this.maxAgeSeconds = maxAgeSeconds;
    }

    public String url() {
        return url;
    }

    public String state() {
        return state;
    }

    public String nonce() {
        return nonce;
    }

    public Pkce pkce() {
        return pkce;
    }

    public URI redirectUri() {
        return redirectUri;
    }

    public Optional<Integer> maxAgeSeconds() {
        return maxAgeSeconds;
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[redirectUri=" + redirectUri + "]";
    }
}
