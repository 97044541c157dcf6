package dev.accountlinker.localtenant;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POST /oauth/token (authorization_code + PKCE) and GET /userinfo.
 * AuthAPI 3.2.0 sends the token request as JSON; form bodies are accepted too, as Auth0 does.
 */
final class TokenHandler {

    private final TenantConfig config;
    private final UserDirectory directory;
    private final LoginState login;
    private final TokenIssuer issuer;

    TokenHandler(TenantConfig config, UserDirectory directory, LoginState login, TokenIssuer issuer) {
        this.config = config;
        this.directory = directory;
        this.login = login;
        this.issuer = issuer;
    }

    void token(HttpExchange ex) throws IOException {
        Map<String, String> params;
        String ct = HttpIo.contentType(ex);
        String body = HttpIo.readBody(ex);
        if (ct.startsWith("application/json")) {
            try {
                params = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : Json.readObject(body).entrySet()) {
                    if (e.getValue() != null) {
                        params.put(e.getKey(), String.valueOf(e.getValue()));
                    }
                }
            } catch (IllegalArgumentException e) {
                error(ex, 400, "invalid_request", e.getMessage());
                return;
            }
        } else if (ct.startsWith("application/x-www-form-urlencoded")) {
            params = HttpIo.parseUrlEncoded(body);
        } else {
            error(
                    ex,
                    400,
                    "invalid_request",
                    "Content-Type must be application/json or application/x-www-form-urlencoded");
            return;
        }
        String grantType = params.get("grant_type");
        if (grantType == null) {
            error(ex, 400, "invalid_request", "Missing required parameter: grant_type");
            return;
        }
        if (!"authorization_code".equals(grantType)) {
            error(ex, 400, "unsupported_grant_type", "Unsupported grant type: " + grantType);
            return;
        }
        String clientId = params.get("client_id");
        if (clientId == null) {
            error(ex, 401, "invalid_client", "Missing required parameter: client_id");
            return;
        }
        if (!clientId.equals(config.clientId())) {
            error(ex, 401, "invalid_client", "Unknown client: " + clientId);
            return;
        }
        for (String required : List.of("code", "redirect_uri", "code_verifier")) {
            if (params.get(required) == null || params.get(required).isEmpty()) {
                error(ex, 400, "invalid_request", "Missing required parameter: " + required);
                return;
            }
        }
        // Taking the code consumes it even when a later check fails: a code is good for one attempt only.
        Optional<LoginState.CodeGrant> taken = login.takeCode(params.get("code"));
        if (taken.isEmpty()) {
            error(ex, 403, "invalid_grant", "Invalid authorization code");
            return;
        }
        LoginState.CodeGrant grant = taken.get();
        Instant now = config.clock().instant();
        if (!now.isBefore(grant.expiresAt())) {
            error(ex, 403, "invalid_grant", "Authorization code has expired");
            return;
        }
        if (!grant.clientId().equals(clientId)) {
            error(ex, 403, "invalid_grant", "Authorization code was issued to another client");
            return;
        }
        // The exact redirect_uri of the /authorize request, whatever leniency let it through there.
        if (!grant.redirectUri().equals(params.get("redirect_uri"))) {
            error(ex, 403, "invalid_grant", "Redirect URI does not match the one used at /authorize");
            return;
        }
        if (!s256(params.get("code_verifier")).equals(grant.codeChallenge())) {
            error(ex, 403, "invalid_grant", "Failed to verify code verifier");
            return;
        }
        Optional<UserDirectory.UserRecord> owner = directory.owner(grant.identitySub());
        if (owner.isEmpty()) {
            error(ex, 403, "invalid_grant", "The user no longer exists");
            return;
        }
        HttpIo.sendJson(ex, 200, issueTokens(owner.get(), grant, now));
    }

    private Map<String, Object> issueTokens(UserDirectory.UserRecord user, LoginState.CodeGrant grant, Instant now) {
        List<String> requested = Arrays.asList(grant.scope().trim().split("\\s+"));
        boolean api = grant.audience() != null;
        List<String> granted = new ArrayList<>();
        for (String s : TenantConfig.KNOWN_SCOPES) {
            // API scopes only mean something for an access token issued to the Management API audience.
            if (requested.contains(s) && (api || TenantConfig.OIDC_SCOPES.contains(s))) {
                granted.add(s);
            }
        }
        String scope = String.join(" ", granted);

        Map<String, Object> id = profileClaims(user);
        id.put("iss", config.issuer());
        id.put("aud", config.clientId());
        id.put("azp", config.clientId());
        id.put("sub", user.userId());
        id.put("iat", now.getEpochSecond());
        id.put("exp", now.plus(config.idTokenLifetime()).getEpochSecond());
        if (grant.authTime() != null) {
            id.put("auth_time", grant.authTime().getEpochSecond());
        }
        if (grant.nonce() != null) {
            id.put("nonce", grant.nonce());
        }
        id.put("sid", LoginState.randomId(12));

        Map<String, Object> access = new LinkedHashMap<>();
        access.put("iss", config.issuer());
        access.put("sub", user.userId());
        // Without an audience Auth0 issues a token good for /userinfo only; the Management API refuses it.
        access.put("aud", api ? List.of(config.audience(), config.userinfoUrl()) : List.of(config.userinfoUrl()));
        access.put("iat", now.getEpochSecond());
        access.put("exp", now.plus(config.accessTokenLifetime()).getEpochSecond());
        access.put("azp", grant.clientId());
        access.put("scope", scope);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("access_token", issuer.sign(access));
        out.put("id_token", issuer.sign(id));
        out.put("scope", scope);
        out.put("expires_in", config.accessTokenLifetime().getSeconds());
        out.put("token_type", "Bearer");
        return out;
    }

    private Map<String, Object> profileClaims(UserDirectory.UserRecord user) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("nickname", user.profile().nickname());
        claims.put("name", user.profile().name());
        claims.put("picture", user.profile().picture());
        claims.put("updated_at", user.updatedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        claims.put("email", user.profile().email());
        claims.put("email_verified", user.profile().emailVerified());
        return claims;
    }

    /** GET /userinfo with a bearer access token whose audience includes the userinfo URL. */
    void userinfo(HttpExchange ex) throws IOException {
        Optional<String> token = HttpIo.bearer(ex);
        if (token.isEmpty()) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            HttpIo.send(ex, 401, "text/plain; charset=utf-8", "Unauthorized");
            return;
        }
        try {
            var jwt = issuer.verify(token.get(), config.issuer());
            if (!jwt.getAudience().contains(config.userinfoUrl())) {
                throw new TokenIssuer.InvalidTokenException("Invalid audience");
            }
            Optional<UserDirectory.UserRecord> user = directory.user(jwt.getSubject());
            if (user.isEmpty()) {
                HttpIo.send(ex, 401, "text/plain; charset=utf-8", "Unauthorized");
                return;
            }
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("sub", user.get().userId());
            claims.putAll(profileClaims(user.get()));
            HttpIo.sendJson(ex, 200, claims);
        } catch (TokenIssuer.InvalidTokenException e) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            HttpIo.send(ex, 401, "text/plain; charset=utf-8", "Unauthorized");
        }
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(HttpExchange ex, int status, String error, String description) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        HttpIo.sendJson(ex, status, Json.object("error", error, "error_description", description));
    }
}
