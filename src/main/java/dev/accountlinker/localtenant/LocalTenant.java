package dev.accountlinker.localtenant;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Auth0-compatible tenant: a real HTTP server on 127.0.0.1 that speaks the Auth0 wire format for
 * Universal Login (authorization code + PKCE), /oauth/token, JWKS/discovery, /userinfo and the current_user slice
 * of the Management API. The app uses it as its out-of-the-box demo and tests use it as their server.
 */
public final class LocalTenant implements AutoCloseable {

    public static final String DEMO_CLIENT_ID = "account-linker-demo";
    public static final String DEFAULT_REDIRECT_URI = "http://127.0.0.1/callback";

    private static final Set<String> SECRET_PARAMS = Set.of("code", "code_verifier", "access_token", "id_token",
            "refresh_token", "id_token_hint", "token", "client_secret", "password", "link_with", "client_assertion");

    private final TenantConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final TenantStore store;
    private final TokenIssuer issuer;
    private final Faults faults = new Faults();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final Avatars avatars = new Avatars();
    private final AuthorizeHandler authorizeHandler;
    private final TokenHandler tokenHandler;
    private final ManagementHandler managementHandler;

    static {
        // The JDK HttpServer leaves Nagle's algorithm on: a response written in two parts then waits for the client's
        // delayed ACK, about 40 ms per link/unlink on loopback (bench/results.md). Read once per JVM, when the first
        // HttpServer is created; an explicit setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private LocalTenant(Builder b) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), b.port), 0);
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        config = new TenantConfig(baseUrl, b.clientId, List.copyOf(b.redirectUris), b.clock,
                b.accessTokenLifetime, b.idTokenLifetime, b.codeLifetime);
        issuer = new TokenIssuer(b.clock);
        store = new TenantStore(b.clock, name -> baseUrl + Avatars.path(name));
        if (b.seedDemoUsers) {
            demoAccounts().forEach(store::addAccount);
        }
        authorizeHandler = new AuthorizeHandler(config, store);
        tokenHandler = new TokenHandler(config, store, issuer);
        managementHandler = new ManagementHandler(config, store, issuer);
        AtomicInteger n = new AtomicInteger();
        // A small pool so a delayed (fault-injected) or slow request does not block the others.
        executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "local-tenant-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** A demo tenant on a random free port with the demo client and the seeded demo accounts. */
    public static LocalTenant startDemo() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The seeded demo accounts (passwords included: they are public demo credentials). */
    public static List<TenantAccount> demoAccounts() {
        String db = Connection.DATABASE.connectionName;
        return List.of(
                TenantAccount.builder().connection(db).email("alice@example.com").password("Alice-Demo-1")
                        .userId("auth0|alice").name("Alice Example")
                        .userMetadata(ordered("theme", "dark", "language", "en",
                                "address", ordered("city", "Lisbon", "country", "PT"))).build(),
                TenantAccount.builder().connection("google-oauth2").email("alice.g@example.com").password("Google-Demo-1")
                        .userId("google-oauth2|109876543210987654321").name("Alice (Google)")
                        .userMetadata(ordered("language", "pt", "newsletter", true,
                                "address", ordered("city", "Porto", "zip", "4000-001"))).build(),
                TenantAccount.builder().connection("github").email("alice-gh@example.com").password("Github-Demo-1")
                        .userId("github|4242424").name("Alice (GitHub)")
                        .userMetadata(ordered("editor", "vim")).build(),
                TenantAccount.builder().connection(db).email("unverified@example.com").password("Unverified-1")
                        .userId("auth0|unverified").name("Una Verified").emailVerified(false)
                        .userMetadata(ordered("theme", "light")).build(),
                TenantAccount.builder().connection(db).email("bob@example.com").password("Bob-Demo-1")
                        .userId("auth0|bob").name("Bob Builder").build(),
                TenantAccount.builder().connection(db).email("carol@example.com").password("Carol-Demo-1")
                        .userId("auth0|carol").name("Carol Linked").userMetadata(ordered("plan", "pro")).build(),
                TenantAccount.builder().connection("github").email("carol-gh@example.com").password("CarolGh-1")
                        .userId("github|777777").name("Carol (GitHub)").linkedTo("auth0|carol").build());
    }

    private static Map<String, Object> ordered(Object... kv) {
        return Json.object(kv);
    }

    public String baseUrl() {
        return config.baseUrl();
    }

    /** The ID token issuer, with the trailing slash like Auth0's {@code https://{domain}/}. */
    public String issuer() {
        return config.issuer();
    }

    /** The Management API audience, {@code baseUrl() + "/api/v2/"}. */
    public String audience() {
        return config.audience();
    }

    public String clientId() {
        return config.clientId();
    }

    public List<String> redirectUris() {
        return config.redirectUris();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Optional<TenantUser> user(String userId) {
        return store.snapshot(userId);
    }

    /** Standalone and primary users (linked secondaries are part of their primary). */
    public List<TenantUser> users() {
        return store.snapshots();
    }

    /** Seeds one more sign-in account (and its user); see {@link TenantAccount#builder()}. */
    public void addAccount(TenantAccount account) {
        store.addAccount(account);
    }

    /** Requests answered so far, oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clearRequests() {
        requests.clear();
    }

    public Faults faults() {
        return faults;
    }

    /** New RSA key and kid; the JWKS then serves only the new key and tokens signed with the old one are refused. */
    public void rotateSigningKey() {
        issuer.rotate();
    }

    public KeyPair signingKeyPair() {
        return issuer.keyPair();
    }

    public String keyId() {
        return issuer.keyId();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- request handling ----

    private void dispatch(HttpExchange raw) {
        String method = raw.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = raw.getRequestURI().getPath();
        Faults.Fault fault = faults.match(method, path).orElse(null);
        RecordingExchange ex = new RecordingExchange(raw, status -> requests.add(new RecordedRequest(method, path,
                raw.getRequestURI().getRawPath(), redactedQuery(raw.getRequestURI().getRawQuery()), status,
                fault == null ? null : fault.toString())));
        try {
            if (fault != null && !fault.delay().isZero()) {
                Thread.sleep(fault.delay().toMillis());
            }
            if (fault != null && fault.drop()) {
                ex.report(-1);
            } else if (fault != null && fault.answers()) {
                answerWithFault(ex, fault);
            } else {
                route(ex, method, path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (raw.getResponseCode() == -1) {
                try {
                    ManagementHandler.sendError(ex, 500, "internal_error", "Internal error in the local tenant");
                } catch (IOException ignored) {
                    // The client went away; nothing more to do.
                }
            }
        } finally {
            ex.report(-1);
            // Closing an exchange that never sent headers closes the connection: that is the "drop" fault.
            raw.close();
        }
    }

    private static void answerWithFault(HttpExchange ex, Faults.Fault fault) throws IOException {
        fault.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        int status = fault.status().orElse(200);
        String body = fault.malformed() ? "{\"statusCode\":" + status + ",\"error\":\"trunc" : fault.body();
        HttpIo.send(ex, status, "application/json; charset=utf-8", body == null ? "" : body);
    }

    private void route(HttpExchange ex, String method, String path) throws IOException {
        if (path.startsWith(ManagementHandler.PREFIX)) {
            managementHandler.handle(ex);
            return;
        }
        switch (method + " " + path) {
            case "GET /authorize" -> authorizeHandler.authorize(ex);
            case "GET /u/login" -> authorizeHandler.loginPage(ex);
            case "POST /u/login" -> authorizeHandler.submitLogin(ex);
            case "GET /v2/logout" -> authorizeHandler.logout(ex);
            case "POST /oauth/token" -> tokenHandler.token(ex);
            case "GET /userinfo" -> tokenHandler.userinfo(ex);
            case "GET /.well-known/jwks.json" -> HttpIo.sendJson(ex, 200, issuer.jwks());
            case "GET /.well-known/openid-configuration" -> HttpIo.sendJson(ex, 200, discovery());
            case "GET /" -> HttpIo.sendHtml(ex, 200, LoginPage.error(LoginPage.TENANT_NAME,
                    "A local Auth0-compatible tenant for Account Linker. Nothing to see here."));
            default -> {
                byte[] png = method.equals("GET") && path.startsWith("/avatars/") ? avatars.png(path) : null;
                if (png != null) {
                    ex.getResponseHeaders().set("Cache-Control", "public, max-age=86400");
                    HttpIo.sendBytes(ex, 200, "image/png", png);
                } else {
                    HttpIo.sendJson(ex, 404, Json.object("error", "not_found", "error_description",
                            "Unknown endpoint: " + method + " " + path));
                }
            }
        }
    }

    private Map<String, Object> discovery() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer());
        d.put("authorization_endpoint", baseUrl() + "/authorize");
        d.put("token_endpoint", baseUrl() + "/oauth/token");
        d.put("userinfo_endpoint", config.userinfoUrl());
        d.put("jwks_uri", baseUrl() + "/.well-known/jwks.json");
        d.put("end_session_endpoint", baseUrl() + "/v2/logout");
        d.put("scopes_supported", TenantConfig.KNOWN_SCOPES);
        d.put("response_types_supported", List.of("code"));
        d.put("response_modes_supported", List.of("query"));
        d.put("grant_types_supported", List.of("authorization_code"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("token_endpoint_auth_methods_supported", List.of("none"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("claims_supported", List.of("aud", "auth_time", "email", "email_verified", "exp", "iat", "iss",
                "name", "nickname", "nonce", "picture", "sub", "updated_at"));
        return d;
    }

    private static String redactedQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        HttpIo.parseUrlEncoded(rawQuery).forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            boolean secret = SECRET_PARAMS.contains(key) || key.contains("token") || key.contains("secret")
                    || key.contains("password");
            parts.add(k + "=" + (secret ? "[redacted]" : v));
        });
        return String.join("&", parts);
    }

    /** Configures and starts a tenant. Defaults: random port, system clock, demo client, demo users. */
    public static final class Builder {
        private int port;
        private Clock clock = Clock.systemUTC();
        private String clientId = DEMO_CLIENT_ID;
        private List<String> redirectUris = List.of(DEFAULT_REDIRECT_URI);
        private boolean seedDemoUsers = true;
        private Duration accessTokenLifetime = Duration.ofHours(24);
        private Duration idTokenLifetime = Duration.ofHours(10);
        private Duration codeLifetime = Duration.ofSeconds(60);

        private Builder() {
        }

        /** 0 (default) picks a free port. */
        public Builder port(int port) { this.port = port; return this; }
        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock); return this; }
        public Builder clientId(String clientId) { this.clientId = Objects.requireNonNull(clientId); return this; }
        /** Allowed callback URLs, matched as exact strings (like Auth0's "Allowed Callback URLs"). */
        public Builder redirectUris(List<String> redirectUris) { this.redirectUris = List.copyOf(redirectUris); return this; }
        public Builder seedDemoUsers(boolean seed) { this.seedDemoUsers = seed; return this; }
        public Builder accessTokenLifetime(Duration d) { this.accessTokenLifetime = Objects.requireNonNull(d); return this; }
        public Builder idTokenLifetime(Duration d) { this.idTokenLifetime = Objects.requireNonNull(d); return this; }
        public Builder codeLifetime(Duration d) { this.codeLifetime = Objects.requireNonNull(d); return this; }

        public LocalTenant start() {
            try {
                return new LocalTenant(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the local tenant", e);
            }
        }
    }
}
