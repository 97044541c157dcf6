package dev.accountlinker.localtenant;

import com.auth0.jwt.interfaces.DecodedJWT;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The slice of the Management API the app uses, for {@code current_user} access tokens:
 * GET/PATCH /api/v2/users/{id}, POST /api/v2/users/{id}/identities, DELETE /api/v2/users/{id}/identities/{provider}/{user_id}.
 * Checks the rate limit first, then the token, then applies the change to the {@link UserDirectory} and shapes the
 * answer as Auth0's JSON.
 */
final class ManagementHandler {

    static final String PREFIX = "/api/v2/";

    /** A Management API error answer, always {statusCode, error, message, errorCode}. */
    private static final class ApiError extends Exception {
        final int status;
        final String errorCode;

        ApiError(int status, String errorCode, String message) {
            super(message);
            this.status = status;
            this.errorCode = errorCode;
        }
    }

    private final TenantConfig config;
    private final UserDirectory directory;
    private final TokenIssuer issuer;
    private final RateLimiter rateLimiter;
    private final Consumer<String> warnings;

    ManagementHandler(
            TenantConfig config,
            UserDirectory directory,
            TokenIssuer issuer,
            RateLimiter rateLimiter,
            Consumer<String> warnings) {
        this.config = config;
        this.directory = directory;
        this.issuer = issuer;
        this.rateLimiter = rateLimiter;
        this.warnings = warnings;
    }

    void handle(HttpExchange ex) throws IOException {
        // Every request counts, whatever it turns out to be; a refused one is answered here and never applied.
        Optional<RateLimiter.Decision> rate = rateLimiter.take(
                RateLimit.Endpoint.of(ex.getRequestMethod(), ex.getRequestURI().getRawPath()));
        if (rate.isPresent()) {
            RateLimiter.Decision d = rate.get();
            ex.getResponseHeaders().set("x-ratelimit-limit", String.valueOf(d.limit()));
            ex.getResponseHeaders().set("x-ratelimit-remaining", String.valueOf(d.remaining()));
            ex.getResponseHeaders().set("x-ratelimit-reset", String.valueOf(d.resetEpochSecond()));
            if (!d.allowed()) {
                // Auth0's body for the tenant-wide Management API limit (seen verbatim in auth0-extensions/
                // auth0-reset-tenant issue 31; Auth0 staff quote the same message on community.auth0.com).
                sendError(ex, 429, "too_many_requests", "Global limit has been reached");
                return;
            }
        }
        try {
            dispatch(ex);
        } catch (ApiError e) {
            sendError(ex, e.status, e.errorCode, e.getMessage());
        } catch (UserDirectory.DirectoryException e) {
            sendError(ex, e.status, e.errorCode, e.getMessage());
        }
    }

    private void dispatch(HttpExchange ex) throws IOException, ApiError, UserDirectory.DirectoryException {
        // Split the raw path so an encoded '/' inside an id cannot change the route; decode each segment.
        String raw = ex.getRequestURI().getRawPath().substring(PREFIX.length());
        List<String> seg = new ArrayList<>();
        for (String s : raw.split("/", -1)) {
            seg.add(HttpIo.decode(s));
        }
        if (!seg.isEmpty() && seg.get(seg.size() - 1).isEmpty()) {
            seg.remove(seg.size() - 1);
        }
        String method = ex.getRequestMethod();
        if (seg.size() < 2 || !seg.get(0).equals("users") || seg.get(1).isEmpty()) {
            throw new ApiError(404, "not_found", "Not Found");
        }
        String userId = seg.get(1);
        if (seg.size() == 2 && method.equals("GET")) {
            authorize(ex, userId, "read:current_user");
            HttpIo.sendJson(ex, 200, userJson(existing(userId)));
        } else if (seg.size() == 2 && method.equals("PATCH")) {
            authorize(ex, userId, "update:current_user_metadata");
            patchUser(ex, userId);
        } else if (seg.size() == 3 && seg.get(2).equals("identities") && method.equals("POST")) {
            DecodedJWT token = authorize(ex, userId, "update:current_user_identities");
            link(ex, userId, token);
        } else if (seg.size() == 5 && seg.get(2).equals("identities") && method.equals("DELETE")) {
            authorize(ex, userId, "update:current_user_identities");
            UserDirectory.UserRecord user = directory.unlink(userId, seg.get(3), seg.get(4));
            HttpIo.sendJson(ex, 200, identitiesJson(user));
        } else if (seg.size() <= 5) {
            throw new ApiError(405, "method_not_allowed", "Method not allowed for this path");
        } else {
            throw new ApiError(404, "not_found", "Not Found");
        }
    }

    /** Verifies the bearer token, its scope, and that a current_user token acts on its own user only. */
    private DecodedJWT authorize(HttpExchange ex, String pathUserId, String scope) throws ApiError {
        String token = HttpIo.bearer(ex).orElseThrow(() -> new ApiError(401, null, "Missing authentication"));
        DecodedJWT jwt;
        try {
            jwt = issuer.verify(token, config.issuer());
        } catch (TokenIssuer.InvalidTokenException e) {
            throw new ApiError(401, "invalid_token", e.getMessage());
        }
        if (jwt.getAudience() == null || !jwt.getAudience().contains(config.audience())) {
            throw new ApiError(401, "invalid_token", "Bad audience: the token was not issued for " + config.audience());
        }
        String scopes = jwt.getClaim("scope").asString();
        List<String> granted = scopes == null ? List.of() : Arrays.asList(scopes.split(" "));
        if (!granted.contains(scope)) {
            throw new ApiError(403, "insufficient_scope", "Insufficient scope, expected any of: " + scope);
        }
        if (!pathUserId.equals(jwt.getSubject())) {
            // current_user scopes only cover the token's own user; any other id needs the admin scope.
            String admin = scope.startsWith("read:") ? "read:users" : "update:users";
            throw new ApiError(403, "insufficient_scope", "Insufficient scope, expected any of: " + admin);
        }
        return jwt;
    }

    private UserDirectory.UserRecord existing(String userId) throws ApiError {
        return directory
                .user(userId)
                .orElseThrow(() -> new ApiError(404, "inexistent_user", "The user does not exist."));
    }

    private void patchUser(HttpExchange ex, String userId)
            throws IOException, ApiError, UserDirectory.DirectoryException {
        Map<String, Object> body = jsonBody(ex);
        for (String key : body.keySet()) {
            if (!key.equals("user_metadata")) {
                // A current_user token may only change user_metadata.
                throw new ApiError(
                        400,
                        "invalid_body",
                        "Payload validation error: 'Additional properties not allowed: " + key + "' (only user_metadata"
                                + " can be updated with a current_user token).");
            }
        }
        existing(userId);
        Object metadata = body.get("user_metadata");
        if (!(metadata instanceof Map<?, ?> patch)) {
            throw new ApiError(
                    400,
                    "invalid_body",
                    "Payload validation error: 'Expected type object but found type " + typeName(metadata)
                            + "' on property user_metadata.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) patch;
        HttpIo.sendJson(ex, 200, userJson(directory.mergeUserMetadata(userId, typed, this::checkProfileDataCap)));
    }

    /**
     * Auth0's 10 KB cap on profile data: refused with a 400 by default (nothing is written); with the leniency
     * {@code uncappedProfileData} written with a warning, as Auth0 did until the cap's end of life. The message and
     * error code Auth0 will answer are not documented; this one says what and how much.
     */
    private void checkProfileDataCap(Map<String, Object> resulting) throws UserDirectory.DirectoryException {
        int size = Json.write(resulting).getBytes(StandardCharsets.UTF_8).length;
        if (size <= TenantConfig.PROFILE_DATA_CAP_BYTES) {
            return;
        }
        String what = "user_metadata would be " + size + " bytes, over the " + TenantConfig.PROFILE_DATA_CAP_BYTES
                + "-byte (10 KB) limit on user profile data";
        if (config.leniency().uncappedProfileData()) {
            warnings.accept("Uncapped user profile data written: " + what);
            return;
        }
        throw new UserDirectory.DirectoryException(400, "invalid_body", "Payload validation error: " + what + ".");
    }

    private void link(HttpExchange ex, String userId, DecodedJWT accessToken)
            throws IOException, ApiError, UserDirectory.DirectoryException {
        Map<String, Object> body = jsonBody(ex);
        Object linkWith = body.get("link_with");
        if (!(linkWith instanceof String idToken) || idToken.isBlank()) {
            throw new ApiError(
                    400, "invalid_body", "Payload validation error: 'Missing required property: link_with'.");
        }
        existing(userId);
        DecodedJWT secondary;
        try {
            secondary = issuer.verify(idToken, config.issuer());
        } catch (TokenIssuer.InvalidTokenException e) {
            throw new ApiError(400, "invalid_token", "link_with: " + e.getMessage());
        }
        String azp = accessToken.getClaim("azp").asString();
        List<String> aud = secondary.getAudience();
        if (azp == null || aud == null || aud.size() != 1 || !aud.get(0).equals(azp)) {
            throw new ApiError(
                    400,
                    "invalid_token",
                    "link_with: the ID token audience must be the client id the access token was issued to (" + azp
                            + ").");
        }
        String secondarySub = secondary.getSubject();
        if (secondarySub == null) {
            throw new ApiError(400, "invalid_token", "link_with: the ID token has no subject.");
        }
        HttpIo.sendJson(ex, 201, identitiesJson(directory.link(userId, secondarySub)));
    }

    /** The Management API user document, shaped like Auth0's GET /api/v2/users/{id}. */
    static Map<String, Object> userJson(UserDirectory.UserRecord u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created_at", u.createdAt().truncatedTo(ChronoUnit.MILLIS).toString());
        m.put("email", u.profile().email());
        m.put("email_verified", u.profile().emailVerified());
        m.put("identities", identitiesJson(u));
        m.put("name", u.profile().name());
        m.put("nickname", u.profile().nickname());
        m.put("picture", u.profile().picture());
        m.put("updated_at", u.updatedAt().truncatedTo(ChronoUnit.MILLIS).toString());
        m.put("user_id", u.userId());
        m.put("user_metadata", Json.deepCopy(u.userMetadata()));
        m.put("app_metadata", Json.deepCopy(u.appMetadata()));
        return m;
    }

    /** identities[]: the primary first without profileData, secondaries with it. */
    static List<Map<String, Object>> identitiesJson(UserDirectory.UserRecord u) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int n = 0; n < u.identities().size(); n++) {
            UserDirectory.IdentityRecord i = u.identities().get(n);
            Map<String, Object> m = Json.object(
                    "connection",
                    i.connection().connectionName,
                    "provider",
                    i.connection().provider,
                    "user_id",
                    i.userId(),
                    "isSocial",
                    i.connection().social);
            if (n > 0) {
                m.put("profileData", i.profile().toProfileData());
            }
            list.add(m);
        }
        return list;
    }

    private static Map<String, Object> jsonBody(HttpExchange ex) throws IOException, ApiError {
        if (!HttpIo.contentType(ex).startsWith("application/json")) {
            throw new ApiError(400, "invalid_body", "Content-Type must be application/json.");
        }
        try {
            return Json.readObject(HttpIo.readBody(ex));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "invalid_body", "Invalid request payload JSON format: " + e.getMessage());
        }
    }

    private static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        return value instanceof Boolean ? "boolean" : "object";
    }

    static void sendError(HttpExchange ex, int status, String errorCode, String message) throws IOException {
        Map<String, Object> body = Json.object("statusCode", status, "error", reason(status), "message", message);
        if (errorCode != null) {
            body.put("errorCode", errorCode);
        }
        HttpIo.sendJson(ex, status, body);
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
