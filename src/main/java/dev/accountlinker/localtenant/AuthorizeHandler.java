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
    private final UserDirectory directory;
    private final LoginState login;

    AuthorizeHandler(TenantConfig config, UserDirectory directory, LoginState login) {
        this.config = config;
        this.directory = directory;
        this.login = login;
    }

    void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = HttpIo.query(ex);
        String clientId = q.get("client_id");
        String redirectUri = q.get("redirect_uri");
        // Never redirect to a URI we cannot trust: unknown client or redirect URI get an error page.
        if (clientId == null || !clientId.equals(config.clientId())) {
            HttpIo.sendHtml(
                    ex,
                    400,
                    LoginPage.error(
                            "Invalid request",
                            "Unknown client: " + (clientId == null ? "(missing client_id)" : clientId)));
            return;
        }
        if (!config.allowsRedirect(redirectUri)) {
            HttpIo.sendHtml(
                    ex,
                    400,
                    LoginPage.error(
                            "Callback URL mismatch",
                            "The provided redirect_uri is not in the list of allowed callback URLs: "
                                    + (redirectUri == null ? "(missing redirect_uri)" : redirectUri)));
            return;
        }
        String state = q.get("state");
        String responseType = q.get("response_type");
        if (!"code".equals(responseType)) {
            redirectError(
                    ex, redirectUri, state, "unsupported_response_type", "Unsupported response type: " + responseType);
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
        Connection connection = q.get("connection") == null
                ? null
                : Connection.byName(q.get("connection")).orElse(null);
        String prompt = q.get("prompt");
        Long maxAge = q.get("max_age") == null ? null : Long.parseLong(q.get("max_age"));
        boolean confirmationNeeded = confirmationNeeded(redirectUri);
        if ("none".equals(prompt) && confirmationNeeded) {
            // Auth0 (since 2026-04-28): prompt=none is rejected for a non-verifiable callback. The exact error it
            // answers is not documented; invalid_request is the closest standard one.
            redirectError(
                    ex,
                    redirectUri,
                    state,
                    "invalid_request",
                    "prompt=none is not allowed with a non-verifiable redirect_uri (a loopback address or a custom"
                            + " scheme)");
            return;
        }

        LoginState.Transaction template = new LoginState.Transaction(
                null,
                clientId,
                redirectUri,
                state,
                q.get("nonce"),
                q.get("code_challenge"),
                q.get("scope"),
                audience,
                connection,
                maxAge != null,
                config.clock().instant().plus(TenantConfig.TRANSACTION_LIFETIME));

        Optional<LoginState.Session> session =
                HttpIo.cookie(ex, HttpIo.SESSION_COOKIE).flatMap(login::session);
        if (!"login".equals(prompt) && session.isPresent() && sessionAnswers(session.get(), connection, maxAge)) {
            // The SSO trap: a live session answers without showing the login page (Auth0 asks to confirm the app
            // first when the callback is not verifiable).
            LoginState.Session s = session.get();
            if (directory.owner(s.identitySub()).isPresent()) {
                finishSignIn(ex, template, s.identitySub(), s.authTime());
                return;
            }
        }
        if ("none".equals(prompt)) {
            redirectError(ex, redirectUri, state, "login_required", "Login required");
            return;
        }
        LoginState.Transaction tx = login.createTransaction(template);
        HttpIo.redirect(ex, config.baseUrl() + "/u/login?state=" + HttpIo.encode(tx.id()));
    }

    /**
     * Auth0 asks "confirm this app" when the callback is not verifiable, unless a consent or MFA page was shown in
     * this sign-in (this tenant has neither) or the client opted out.
     */
    private boolean confirmationNeeded(String redirectUri) {
        return !config.leniency().skipNonVerifiableCallbackConfirmation() && !config.isVerifiableCallback(redirectUri);
    }

    /** After the person is known (login form or SSO): the confirmation page if needed, else the code redirect. */
    private void finishSignIn(HttpExchange ex, LoginState.Transaction tx, String identitySub, Instant authTime)
            throws IOException {
        if (confirmationNeeded(tx.redirectUri())) {
            LoginState.Confirmation pending = login.createConfirmation(
                    tx, identitySub, authTime, config.clock().instant().plus(TenantConfig.TRANSACTION_LIFETIME));
            HttpIo.redirect(ex, config.baseUrl() + "/u/confirm?state=" + HttpIo.encode(pending.id()));
            return;
        }
        redirectWithCode(ex, tx, identitySub, authTime);
    }

    /** GET /u/confirm?state=C: "confirm this app", naming the account and where the sign-in goes. */
    void confirmationPage(HttpExchange ex) throws IOException {
        Optional<LoginState.Confirmation> found =
                login.confirmation(HttpIo.query(ex).get("state"));
        if (found.isEmpty()) {
            sendExpired(ex);
            return;
        }
        LoginState.Confirmation c = found.get();
        String email =
                directory.owner(c.identitySub()).map(u -> u.profile().email()).orElse(c.identitySub());
        HttpIo.sendHtml(
                ex,
                200,
                LoginPage.confirmApplication(c.id(), email, c.transaction().redirectUri()));
    }

    /** POST /u/confirm: Continue issues the code; Cancel answers {@code access_denied} to the app. */
    void submitConfirmation(HttpExchange ex) throws IOException {
        if (!HttpIo.contentType(ex).startsWith("application/x-www-form-urlencoded")) {
            HttpIo.sendHtml(ex, 400, LoginPage.error("Invalid request", "Expected a form submission."));
            return;
        }
        Map<String, String> form = HttpIo.parseUrlEncoded(HttpIo.readBody(ex));
        Optional<LoginState.Confirmation> found = login.takeConfirmation(form.get("state"));
        if (found.isEmpty()) {
            sendExpired(ex);
            return;
        }
        LoginState.Confirmation c = found.get();
        if (!"accept".equals(form.get("action"))) {
            redirectError(
                    ex,
                    c.transaction().redirectUri(),
                    c.transaction().state(),
                    "access_denied",
                    "The user did not confirm the application");
            return;
        }
        redirectWithCode(ex, c.transaction(), c.identitySub(), c.authTime());
    }

    private static void sendExpired(HttpExchange ex) throws IOException {
        HttpIo.sendHtml(
                ex,
                400,
                LoginPage.error(
                        "Invalid state",
                        "This login page has expired or is unknown. Go back to the application and try again."));
    }

    private boolean sessionAnswers(LoginState.Session s, Connection requested, Long maxAge) {
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

    private static void redirectError(
            HttpExchange ex, String redirectUri, String state, String error, String description) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        params.put("state", state);
        HttpIo.redirect(ex, HttpIo.withQuery(redirectUri, params));
    }

    private void redirectWithCode(HttpExchange ex, LoginState.Transaction tx, String identitySub, Instant authTime)
            throws IOException {
        String code = login.createCode(new LoginState.CodeGrant(
                tx.clientId(),
                tx.redirectUri(),
                tx.codeChallenge(),
                identitySub,
                tx.nonce(),
                tx.scope(),
                tx.audience(),
                // Auth0 writes auth_time only when the request had max_age (the named leniency: always).
                tx.maxAgeRequested() || config.leniency().authTimeAlways() ? authTime : null,
                config.clock().instant().plus(config.codeLifetime())));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        params.put("state", tx.state());
        HttpIo.redirect(ex, HttpIo.withQuery(tx.redirectUri(), params));
    }

    /** GET /u/login?state=TX[&connection=X]: the login page; a connection re-enters the transaction with it. */
    void loginPage(HttpExchange ex) throws IOException {
        Map<String, String> q = HttpIo.query(ex);
        Optional<LoginState.Transaction> found = login.transaction(q.get("state"));
        if (found.isEmpty()) {
            HttpIo.sendHtml(
                    ex,
                    400,
                    LoginPage.error(
                            "Invalid state",
                            "This login page has expired or is unknown. Go back to the application and try again."));
            return;
        }
        LoginState.Transaction tx = found.get();
        String wanted = q.get("connection");
        if (wanted != null) {
            Optional<Connection> c = Connection.byName(wanted);
            if (c.isEmpty()) {
                HttpIo.sendHtml(ex, 400, LoginPage.error("Invalid request", "Unknown connection: " + wanted));
                return;
            }
            tx = login.chooseConnection(tx, c.get());
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
        Optional<LoginState.Transaction> found = login.transaction(form.get("state"));
        if (found.isEmpty()) {
            HttpIo.sendHtml(
                    ex,
                    400,
                    LoginPage.error(
                            "Invalid state",
                            "This login page has expired or is unknown. Go back to the application and try again."));
            return;
        }
        LoginState.Transaction tx = found.get();
        Connection connection = tx.connection() == null ? Connection.DATABASE : tx.connection();
        String username = form.get("username");
        Optional<String> identity = directory.authenticate(connection, username, form.get("password"));
        if (identity.isEmpty() || directory.owner(identity.get()).isEmpty()) {
            HttpIo.sendHtml(ex, 200, LoginPage.login(tx.id(), tx.connection(), "Wrong email or password.", username));
            return;
        }
        login.removeTransaction(tx.id());
        Instant now = config.clock().instant();
        HttpIo.cookie(ex, HttpIo.SESSION_COOKIE).ifPresent(login::removeSession);
        LoginState.Session session = login.createSession(identity.get(), connection, now);
        ex.getResponseHeaders()
                .add("Set-Cookie", HttpIo.SESSION_COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax");
        finishSignIn(ex, tx, identity.get(), now);
    }

    /**
     * GET /v2/logout, modelled on Auth0: with {@code client_id} the returnTo must be in that application's Allowed
     * Logout URLs; without it, in the tenant's own list, which is empty here. A returnTo that is not allowed gets
     * Auth0's error page and no redirect. Auth0's support article on that error says the user is signed out and then
     * not redirected; that the session really ends is not confirmed, so this tenant ends it (the safer reading for a
     * client that relies on logout). No returnTo: with a client_id Auth0 returns to the first Allowed Logout URL
     * (its logout endpoint reference), otherwise it shows its own page; here that is the "signed out" page.
     * {@code federated} is accepted and shows up in the recorded request: real Auth0 then also signs the user out of
     * the upstream identity provider (Google, GitHub); the demo's stand-in pages have no upstream session to end.
     */
    void logout(HttpExchange ex) throws IOException {
        Map<String, String> q = HttpIo.query(ex);
        String clientId = q.get("client_id");
        String returnTo = q.get("returnTo");
        if (clientId != null && !clientId.equals(config.clientId())) {
            // Refused before anything happens: the session stays (what Auth0 does here is not confirmed).
            HttpIo.sendHtml(ex, 400, LoginPage.error(LoginPage.GENERIC_ERROR_TITLE, "Unknown client: " + clientId));
            return;
        }
        HttpIo.cookie(ex, HttpIo.SESSION_COOKIE).ifPresent(login::removeSession);
        ex.getResponseHeaders()
                .add(
                        "Set-Cookie",
                        HttpIo.SESSION_COOKIE
                                + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        if (returnTo == null) {
            if (clientId != null && !config.logoutUrls().isEmpty()) {
                HttpIo.redirect(ex, config.logoutUrls().get(0));
            } else {
                HttpIo.sendHtml(ex, 200, LoginPage.signedOut());
            }
        } else if (clientId != null && config.allowsLogoutReturn(returnTo)) {
            HttpIo.redirect(ex, returnTo);
        } else {
            HttpIo.sendHtml(
                    ex,
                    400,
                    LoginPage.error(
                            LoginPage.GENERIC_ERROR_TITLE,
                            "The \"returnTo\" querystring " + "parameter \"" + returnTo
                                    + "\" is not defined as a valid URL in \"Allowed Logout URLs\"."));
        }
    }
}
