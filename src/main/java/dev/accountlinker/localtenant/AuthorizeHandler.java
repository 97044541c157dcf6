package dev.accountlinker.localtenant;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** GET /authorize, the login pages under /u/login, and GET /v2/logout. */
final class AuthorizeHandler {

    private final TenantConfig config;
    private final TenantStore store;

    AuthorizeHandler(TenantConfig config, TenantStore store) {
        this.config = config;
        this.store = store;
    }

    void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = HttpIo.query(ex);
        String clientId = q.get("client_id");
        String redirectUri = q.get("redirect_uri");
        // Never redirect to a URI we cannot trust: unknown client or redirect URI get an error page.
        if (clientId == null || !clientId.equals(config.clientId())) {
            HttpIo.sendHtml(ex, 400, LoginPage.error("Invalid request",
                    "Unknown client: " + (clientId == null ? "(missing client_id)" : clientId)));
            return;
        }
        if (!config.allowsRedirect(redirectUri)) {
            HttpIo.sendHtml(ex, 400, LoginPage.error("Callback URL mismatch",
                    "The provided redirect_uri is not in the list of allowed callback URLs: "
                            + (redirectUri == null ? "(missing redirect_uri)" : redirectUri)));
            return;
        }
        String state = q.get("state");
        String responseType = q.get("response_type");
        if (!"code".equals(responseType)) {
            redirectError(ex, redirectUri, state, "unsupported_response_type",
                    "Unsupported response type: " + responseType);
            return;
        }
        String problem = validate(q);
        if (problem != null) {
            redirectError(ex, redirectUri, state, "invalid_request", problem);
            return;
        }
        String audience = q.get("audience");
        if (audience != null && !audience.equals(config.audience())) {
            // What Auth0 answers for an API identifier it does not know.
            redirectError(ex, redirectUri, state, "access_denied", "Service not found: " + audience);
            return;
        }
        Connection connection = q.get("connection") == null ? null : Connection.byName(q.get("connection")).orElse(null);
        String prompt = q.get("prompt");
        Long maxAge = q.get("max_age") == null ? null : Long.parseLong(q.get("max_age"));

        TenantStore.Transaction template = new TenantStore.Transaction(null, clientId, redirectUri, state,
                q.get("nonce"), q.get("code_challenge"), q.get("scope"), audience, connection,
                config.clock().instant().plus(TenantConfig.TRANSACTION_LIFETIME));

        Optional<TenantStore.Session> session = HttpIo.cookie(ex, HttpIo.SESSION_COOKIE).flatMap(store::session);
        if (!"login".equals(prompt) && session.isPresent() && sessionAnswers(session.get(), connection, maxAge)) {
            // The SSO trap: a live session answers without showing any page.
            TenantStore.Session s = session.get();
            if (store.findOwner(s.identitySub()).isPresent()) {
                redirectWithCode(ex, template, s.identitySub(), s.authTime());
                return;
            }
        }
        if ("none".equals(prompt)) {
            redirectError(ex, redirectUri, state, "login_required", "Login required");
            return;
        }
        TenantStore.Transaction tx = store.createTransaction(template);
        HttpIo.redirect(ex, config.baseUrl() + "/u/login?state=" + HttpIo.encode(tx.id()));
    }

    private boolean sessionAnswers(TenantStore.Session s, Connection requested, Long maxAge) {
        if (requested != null && requested != s.connection()) {
            return false;
        }
        if (maxAge != null) {
            if (maxAge == 0) {
                return false;
            }
            long age = Duration.between(s.authTime(), config.clock().instant()).getSeconds();
            return age <= maxAge;
        }
        return true;
    }

    /** Checks the parameters after client, redirect URI and response type; returns a problem or null. */
    private static String validate(Map<String, String> q) {
        if (isBlank(q.get("state"))) {
            return "Missing required parameter: state";
        }
        if (isBlank(q.get("code_challenge"))) {
            return "Missing required parameter: code_challenge (PKCE is required)";
        }
        String method = q.get("code_challenge_method");
        if (!"S256".equals(method)) {
            return "Unsupported code_challenge_method: " + (method == null ? "(missing)" : method)
                    + "; only S256 is allowed";
        }
        if (!q.get("code_challenge").matches("[A-Za-z0-9_-]{43}")) {
            return "code_challenge must be BASE64URL(SHA256(code_verifier))";
        }
        String scope = q.get("scope");
        if (scope == null || !Arrays.asList(scope.trim().split("\\s+")).contains("openid")) {
            return "The scope must contain openid";
        }
        String connection = q.get("connection");
        if (connection != null && Connection.byName(connection).isEmpty()) {
            return "The connection was not found: " + connection;
        }
        String maxAge = q.get("max_age");
        if (maxAge != null && !maxAge.matches("\\d{1,9}")) {
            return "max_age must be a non-negative integer";
        }
        String prompt = q.get("prompt");
        if (prompt != null && !prompt.equals("login") && !prompt.equals("none")) {
            return "Unsupported prompt: " + prompt;
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static void redirectError(HttpExchange ex, String redirectUri, String state, String error,
                                      String description) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        params.put("state", state);
        HttpIo.redirect(ex, HttpIo.withQuery(redirectUri, params));
    }

    private void redirectWithCode(HttpExchange ex, TenantStore.Transaction tx, String identitySub, Instant authTime)
            throws IOException {
        String code = store.createCode(new TenantStore.CodeGrant(tx.clientId(), tx.redirectUri(), tx.codeChallenge(),
                identitySub, tx.nonce(), tx.scope(), tx.audience(), authTime,
                config.clock().instant().plus(config.codeLifetime())));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("state", tx.state());
        HttpIo.redirect(ex, HttpIo.withQuery(tx.redirectUri(), params));
    }

    /** GET /u/login?state=TX[&connection=X]: the login page; a connection re-enters the transaction with it. */
    void loginPage(HttpExchange ex) throws IOException {
        Map<String, String> q = HttpIo.query(ex);
        Optional<TenantStore.Transaction> found = store.transaction(q.get("state"));
        if (found.isEmpty()) {
            HttpIo.sendHtml(ex, 400, LoginPage.error("Invalid state",
                    "This login page has expired or is unknown. Go back to the application and try again."));
            return;
        }
        TenantStore.Transaction tx = found.get();
        String wanted = q.get("connection");
        if (wanted != null) {
            Optional<Connection> c = Connection.byName(wanted);
            if (c.isEmpty()) {
                HttpIo.sendHtml(ex, 400, LoginPage.error("Invalid request", "Unknown connection: " + wanted));
                return;
            }
            tx = store.chooseConnection(tx, c.get());
        }
        HttpIo.sendHtml(ex, 200, LoginPage.login(tx.id(), tx.connection(), null, null));
    }

    /** POST /u/login: checks the credentials for the transaction's connection, then SSO cookie + code redirect. */
    void submitLogin(HttpExchange ex) throws IOException {
        if (!HttpIo.contentType(ex).startsWith("application/x-www-form-urlencoded")) {
            HttpIo.sendHtml(ex, 400, LoginPage.error("Invalid request", "Expected a form submission."));
            return;
        }
        Map<String, String> form = HttpIo.parseUrlEncoded(HttpIo.readBody(ex));
        Optional<TenantStore.Transaction> found = store.transaction(form.get("state"));
        if (found.isEmpty()) {
            HttpIo.sendHtml(ex, 400, LoginPage.error("Invalid state",
                    "This login page has expired or is unknown. Go back to the application and try again."));
            return;
        }
        TenantStore.Transaction tx = found.get();
        Connection connection = tx.connection() == null ? Connection.DATABASE : tx.connection();
        String username = form.get("username");
        Optional<String> identity = store.authenticate(connection, username, form.get("password"));
        if (identity.isEmpty() || store.findOwner(identity.get()).isEmpty()) {
            HttpIo.sendHtml(ex, 200, LoginPage.login(tx.id(), tx.connection(), "Wrong email or password.", username));
            return;
        }
        store.removeTransaction(tx.id());
        Instant now = config.clock().instant();
        HttpIo.cookie(ex, HttpIo.SESSION_COOKIE).ifPresent(store::removeSession);
        TenantStore.Session session = store.createSession(identity.get(), connection, now);
        ex.getResponseHeaders().add("Set-Cookie",
                HttpIo.SESSION_COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax");
        redirectWithCode(ex, tx, identity.get(), now);
    }

    /** GET /v2/logout: ends the SSO session (server side and cookie), then returnTo if allowed. */
    void logout(HttpExchange ex) throws IOException {
        HttpIo.cookie(ex, HttpIo.SESSION_COOKIE).ifPresent(store::removeSession);
        ex.getResponseHeaders().add("Set-Cookie", HttpIo.SESSION_COOKIE
                + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        String returnTo = HttpIo.query(ex).get("returnTo");
        boolean allowed = returnTo != null && (config.redirectUris().contains(returnTo)
                || returnTo.equals(config.baseUrl()) || returnTo.equals(config.baseUrl() + "/"));
        if (allowed) {
            HttpIo.redirect(ex, returnTo);
        } else {
            HttpIo.sendHtml(ex, 200, LoginPage.signedOut());
        }
    }
}
