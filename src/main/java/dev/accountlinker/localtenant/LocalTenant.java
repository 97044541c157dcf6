package dev.accountlinker.localtenant;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Auth0-compatible tenant: a real HTTP server on 127.0.0.1 that speaks the Auth0 wire format for
 * Universal Login (authorization code + PKCE), /oauth/token, JWKS/discovery, /userinfo, /v2/logout and the
 * current_user slice of the Management API. The app uses it as its out-of-the-box demo and tests use it as their
 * server.
 *
 * <p>It is as strict as Auth0 (December 2026) by default: exact Allowed Callback URLs and Allowed Logout URLs, PKCE
 * S256 only, one-time expiring codes, {@code auth_time} only when {@code max_age} was asked, {@code max_age} judged
 * against the session's real authentication time, the "confirm this app" page after every sign-in (single sign-on
 * included) whose callback is not verifiable and {@code prompt=none} refused for such a callback, the 10 KB cap on
 * {@code user_metadata}, and the Management API rate limits of the Essentials plan. Where it can be more lenient, the
 * leniency is a named builder option that is off by default ({@link Builder#allowAnyLoopbackPort(boolean)},
 * {@link Builder#authTimeAlways(boolean)}, {@link Builder#skipNonVerifiableCallbackConfirmation(boolean)},
 * {@link Builder#uncappedProfileData(boolean)}, {@link RateLimit#off()}).
 *
 * <p>For tests:
 * <pre>{@code
 * MutableClock clock = new MutableClock(Instant.now());
 * try (LocalTenant tenant = LocalTenant.builder()
 *         .clock(clock)                                   // expiry and the rate limit follow this clock
 *         .seedDemoUsers(false)                           // only the test's own users
 *         .account(TenantAccount.builder().email("ann@example.com").password("Ann-1").userId("auth0|ann").build())
 *         .redirectUris(List.of("http://127.0.0.1:8484/callback"))
 *         .rateLimit(RateLimit.freePlan())
 *         .start()) {
 *     ... drive the app or the SDK against tenant.baseUrl() ...
 *     tenant.users();                                     // who exists now, with identities and metadata
 *     tenant.faults().inject(Faults.on("POST", "/oauth/token").dropConnection());
 *     tenant.requests();                                  // what reached the tenant, secrets redacted
 *     tenant.rateLimit(RateLimit.off());                  // change the limit mid-test
 * }
 * }</pre>
 */
public final class LocalTenant implements AutoCloseable {

    public static final String DEMO_CLIENT_ID = "account-linker-demo";
    /**
     * Path of the embedded-browser callback on the tenant's own origin, as Auth0's WPF/WinForms quickstart registers it
     * ({@code https://{yourDomain}/mobile}): Auth0 counts it as verifiable, so it asks no "confirm this app".
     */
    public static final String OWN_CALLBACK_PATH = "/mobile";
    /**
     * A loopback callback, the app's embedded default before 1.x: registered by default for tests and admins that use
     * it; Auth0 treats it as non-verifiable and asks the person to confirm the app after each sign-in.
     */
    public static final String LOOPBACK_REDIRECT_URI = "http://127.0.0.1/callback";
    /** @deprecated the app's embedded default is now {@link #ownCallbackUrl()}; this is {@link #LOOPBACK_REDIRECT_URI}. */
    @Deprecated
    public static final String DEFAULT_REDIRECT_URI = LOOPBACK_REDIRECT_URI;

    private static final Set<String> SECRET_PARAMS = Set.of(
            "code",
            "code_verifier",
            "access_token",
            "id_token",
            "refresh_token",
            "id_token_hint",
            "token",
            "client_secret",
            "password",
            "link_with",
            "client_assertion");

    private final TenantConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final UserDirectory directory;
    private final TokenIssuer issuer;
    private final RateLimiter rateLimiter;
    /** Null when fault injection is off. */
    private final Faults faults;
    /** Null when request recording is off. */
    private final List<RecordedRequest> requests;

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Avatars avatars = new Avatars();
    private final AuthorizeHandler authorizeHandler;
    private final TokenHandler tokenHandler;
    private final ManagementHandler managementHandler;

    static {
        JdkHttpServerSettings.apply();
    }

    private LocalTenant(Builder b) throws IOException {
        InetSocketAddress bind = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), b.port);
        if (b.tls != null) {
            HttpsServer https = HttpsServer.create(bind, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(b.tls));
            server = https;
        } else {
            server = HttpServer.create(bind, 0);
        }
        String baseUrl = b.advertisedBaseUrl != null
                ? b.advertisedBaseUrl
                : (b.tls != null ? "https" : "http") + "://127.0.0.1:"
                        + server.getAddress().getPort();
        List<String> callbacks = new CopyOnWriteArrayList<>(
                b.redirectUris != null ? b.redirectUris : List.of(baseUrl + OWN_CALLBACK_PATH, LOOPBACK_REDIRECT_URI));
        config = new TenantConfig(
                baseUrl,
                b.clientId,
                callbacks,
                b.logoutUrls,
                b.allowAnyLoopbackPort,
                new TenantConfig.Leniency(
                        b.authTimeAlways, b.skipNonVerifiableCallbackConfirmation, b.uncappedProfileData),
                b.clock,
                b.accessTokenLifetime,
                b.idTokenLifetime,
                b.codeLifetime);
        issuer = new TokenIssuer(b.clock, b.signingKey);
        directory = new UserDirectory(b.clock, name -> baseUrl + Avatars.path(name));
        if (b.seedDemoUsers) {
            DemoAccounts.all().forEach(directory::addAccount);
        }
        b.accounts.forEach(directory::addAccount);
        rateLimiter = new RateLimiter(b.clock, b.rateLimit);
        faults = b.faultInjection ? new Faults() : null;
        requests = b.recordRequests ? Collections.synchronizedList(new ArrayList<>()) : null;
        LoginState login = new LoginState(b.clock);
        authorizeHandler = new AuthorizeHandler(config, directory, login);
        tokenHandler = new TokenHandler(config, directory, login, issuer);
        managementHandler = new ManagementHandler(config, directory, issuer, rateLimiter, warnings::add);
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

    /** A tenant on a random free port with the demo client and the seeded demo accounts: {@code builder().start()}. */
    public static LocalTenant startDemo() {
        return builder().start();
    }

    /**
     * A builder with Auth0's strict defaults, the demo client and accounts, and the test hooks (fault injection,
     * request recording) on. The app's shipped demo uses {@link Builder#forShippedDemo()}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The seeded demo accounts (passwords included: they are public demo credentials). */
    public static List<TenantAccount> demoAccounts() {
        return DemoAccounts.all();
    }

    /**
     * {@code http://127.0.0.1:PORT} ({@code https://} with {@link Builder#https(SSLContext)}), or the advertised base
     * URL: what the app and the SDKs use as the tenant's domain.
     */
    public String baseUrl() {
        return config.baseUrl();
    }

    /** The settings fixed at start, leniencies included: for this package's tests. */
    TenantConfig config() {
        return config;
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

    /** The application's Allowed Callback URLs. */
    public List<String> redirectUris() {
        return List.copyOf(config.callbackUrls());
    }

    /** {@code baseUrl() + "/mobile"}: the embedded-browser callback on the tenant's own origin, a verifiable one. */
    public String ownCallbackUrl() {
        return config.baseUrl() + OWN_CALLBACK_PATH;
    }

    /**
     * Adds an Allowed Callback URL, as an admin does in the dashboard once the tenant's domain is known (the app
     * registers {@link #ownCallbackUrl()} this way when it starts its demo tenant on a port chosen at start).
     */
    public void registerCallbackUrl(String url) {
        Objects.requireNonNull(url);
        if (!config.callbackUrls().contains(url)) {
            config.callbackUrls().add(url);
        }
    }

    /**
     * What the tenant's log would warn about (a profile above the 10 KB cap written with
     * {@link Builder#uncappedProfileData(boolean)}), oldest first; never a token or a password.
     */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The application's Allowed Logout URLs. */
    public List<String> logoutUrls() {
        return config.logoutUrls();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A snapshot of the user with this id (a standalone or primary user), or empty if there is none now. */
    public Optional<TenantUser> user(String userId) {
        return directory.user(userId).map(UserDirectory.UserRecord::toTenantUser);
    }

    /** Snapshots of every standalone and primary user (linked secondaries are part of their primary). */
    public List<TenantUser> users() {
        return directory.users().stream()
                .map(UserDirectory.UserRecord::toTenantUser)
                .toList();
    }

    /** Seeds one more sign-in account (and its user); see {@link TenantAccount#builder()}. */
    public void addAccount(TenantAccount account) {
        directory.addAccount(account);
    }

    /**
     * Requests answered so far, oldest first, with token-like query values redacted. Each one is listed before its
     * answer reaches the client.
     *
     * @throws IllegalStateException when the tenant was built with {@code recordRequests(false)}
     */
    public List<RecordedRequest> requests() {
        List<RecordedRequest> log = requestLog();
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** @throws IllegalStateException when the tenant was built with {@code recordRequests(false)} */
    public void clearRequests() {
        requestLog().clear();
    }

    /**
     * Fault injection: answers, delays or dropped connections instead of the tenant's normal answer; see {@link Faults}.
     *
     * @throws IllegalStateException when the tenant was built with {@code faultInjection(false)}
     */
    public Faults faults() {
        if (faults == null) {
            throw new IllegalStateException("Fault injection is off for this tenant: build it with "
                    + "LocalTenant.builder().faultInjection(true) to use faults()");
        }
        return faults;
    }

    /** The Management API rate limit in force now. */
    public RateLimit rateLimit() {
        return rateLimiter.current();
    }

    /** Switches the Management API rate limit from now on (tests may do this mid-test); the new bucket starts full. */
    public void rateLimit(RateLimit limit) {
        rateLimiter.set(Objects.requireNonNull(limit));
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

    private List<RecordedRequest> requestLog() {
        if (requests == null) {
            throw new IllegalStateException("Request recording is off for this tenant: build it with "
                    + "LocalTenant.builder().recordRequests(true) to use requests()");
        }
        return requests;
    }

    // ---- request handling ----

    private void dispatch(HttpExchange raw) {
        String method = raw.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = raw.getRequestURI().getPath();
        Faults.Fault fault = faults == null ? null : faults.match(method, path).orElse(null);
        RecordingExchange ex = new RecordingExchange(raw, status -> {
            if (requests != null) {
                requests.add(new RecordedRequest(
                        method,
                        path,
                        raw.getRequestURI().getRawPath(),
                        redactedQuery(raw.getRequestURI().getRawQuery()),
                        status,
                        fault == null ? null : fault.toString(),
                        raw.getRemoteAddress().getPort()));
            }
        });
        try {
            if (fault != null && !fault.delay().isZero()) {
                Thread.sleep(fault.delay().toMillis());
            }
            if (fault != null && fault.hold().isPresent()) {
                fault.hold().get().await();
            }
            if (fault != null && fault.drop()) {
                ex.report(-1);
            } else if (fault != null && fault.answers()) {
                answerWithFault(ex, fault, config.clock());
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

    private static void answerWithFault(HttpExchange ex, Faults.Fault fault, Clock clock) throws IOException {
        fault.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (fault.rateLimitedFor().isPresent()) {
            long reset = clock.instant()
                    .plus(fault.rateLimitedFor().get())
                    .plusMillis(999)
                    .getEpochSecond();
            ex.getResponseHeaders().set("x-ratelimit-limit", "10");
            ex.getResponseHeaders().set("x-ratelimit-remaining", "0");
            ex.getResponseHeaders().set("x-ratelimit-reset", String.valueOf(reset));
            ManagementHandler.sendError(ex, 429, "too_many_requests", "Global limit has been reached");
            return;
        }
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
            case "GET /u/confirm" -> authorizeHandler.confirmationPage(ex);
            case "POST /u/confirm" -> authorizeHandler.submitConfirmation(ex);
            case "GET /v2/logout" -> authorizeHandler.logout(ex);
            case "POST /oauth/token" -> tokenHandler.token(ex);
            case "GET /userinfo" -> tokenHandler.userinfo(ex);
            case "GET /.well-known/jwks.json" -> HttpIo.sendJson(ex, 200, issuer.jwks());
            case "GET /.well-known/openid-configuration" -> HttpIo.sendJson(ex, 200, Discovery.document(config));
            case "GET /" ->
                HttpIo.sendHtml(
                        ex,
                        200,
                        LoginPage.error(
                                LoginPage.TENANT_NAME,
                                "A local Auth0-compatible tenant for Account Linker. Nothing to see here."));
            default -> {
                byte[] png = method.equals("GET") && path.startsWith("/avatars/") ? avatars.png(path) : null;
                if (png != null) {
                    ex.getResponseHeaders().set("Cache-Control", "public, max-age=86400");
                    HttpIo.sendBytes(ex, 200, "image/png", png);
                } else {
                    HttpIo.sendJson(
                            ex,
                            404,
                            Json.object(
                                    "error",
                                    "not_found",
                                    "error_description",
                                    "Unknown endpoint: " + method + " " + path));
                }
            }
        }
    }

    private static String redactedQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        HttpIo.parseUrlEncoded(rawQuery).forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            boolean secret = SECRET_PARAMS.contains(key)
                    || key.contains("token")
                    || key.contains("secret")
                    || key.contains("password");
            parts.add(k + "=" + (secret ? "[redacted]" : v));
        });
        return String.join("&", parts);
    }

    /**
     * Configures and starts a tenant. Defaults: random port, system clock, the demo client with the Allowed Callback
     * URLs {@link #ownCallbackUrl()} and {@link #LOOPBACK_REDIRECT_URI} and no Allowed Logout URLs (a new Auth0
     * application has none), exact URL matching, the demo accounts, {@link RateLimit#essentials()}, fault injection and
     * request recording on, and Auth0's behaviour of December 2026 (see the leniency options, all off).
     */
    public static final class Builder {
        private int port;
        private Clock clock = Clock.systemUTC();
        private String clientId = DEMO_CLIENT_ID;
        /** Null: the defaults, which need the base URL known only once the socket is bound. */
        private List<String> redirectUris;

        private List<String> logoutUrls = List.of();
        private boolean allowAnyLoopbackPort;
        private boolean authTimeAlways;
        private boolean skipNonVerifiableCallbackConfirmation;
        private boolean uncappedProfileData;
        private boolean seedDemoUsers = true;
        private final List<TenantAccount> accounts = new ArrayList<>();
        private Duration accessTokenLifetime = Duration.ofHours(24);
        private Duration idTokenLifetime = Duration.ofHours(10);
        private Duration codeLifetime = Duration.ofSeconds(60);
        // Auth0 always limits the Management API, so a limit is on by default: the Essentials plan's buckets (link and
        // unlink bursts of 10, 150 a minute) do not get in the way of one person's session, yet a client that loops
        // or hammers meets a real 429. The Free plan is opt-in; RateLimit.off() is the named leniency.
        private RateLimit rateLimit = RateLimit.essentials();
        // On for tests and LocalTenantMain, so existing tests need no change; forShippedDemo() turns both off.
        private boolean faultInjection = true;
        private boolean recordRequests = true;
        private SSLContext tls;
        private String advertisedBaseUrl;
        private KeyPair signingKey;

        private Builder() {}

        /** 0 (default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The clock for token, code and session times and the rate-limit bucket; tests pass a MutableClock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = Objects.requireNonNull(clientId);
            return this;
        }

        /**
         * The application's Allowed Callback URLs, matched like Auth0 as exact strings (scheme, host, port, path):
         * {@code http://127.0.0.1/callback} does not match {@code http://127.0.0.1:51234/callback}. Replaces the
         * defaults; the tenant's own {@code /mobile} can be added once started ({@link #registerCallbackUrl}).
         */
        public Builder redirectUris(List<String> redirectUris) {
            this.redirectUris = List.copyOf(redirectUris);
            return this;
        }

        /** The application's Allowed Logout URLs for {@code /v2/logout?client_id=...&returnTo=...}, exact strings. */
        public Builder logoutUrls(List<String> logoutUrls) {
            this.logoutUrls = List.copyOf(logoutUrls);
            return this;
        }

        /**
         * Leniency, off by default: a registered loopback IP callback URL without a port ({@code http://127.0.0.1/cb})
         * also accepts any port at request time, as RFC 8252 section 7.3 asks of servers. Real Auth0 does not do
         * this: there a loopback redirect must be the exact registered URL, port included.
         */
        public Builder allowAnyLoopbackPort(boolean allow) {
            this.allowAnyLoopbackPort = allow;
            return this;
        }

        /**
         * Leniency, off by default: every ID token carries {@code auth_time}. Auth0 writes it only when the authorize
         * request had {@code max_age} (OIDC makes it optional otherwise), so a client that relies on it without
         * sending {@code max_age} fails against Auth0.
         */
        public Builder authTimeAlways(boolean always) {
            this.authTimeAlways = always;
            return this;
        }

        /**
         * Leniency, off by default, modelling the client setting
         * {@code skip_non_verifiable_callback_uri_confirmation_prompt} (Auth0 strongly advises against it): no "confirm
         * this app" page after a sign-in, single sign-on included, whose callback is a loopback address or a custom
         * scheme, and {@code prompt=none} allowed with such a callback. By default the page is shown (Auth0 since
         * 2026-04-28) and {@code prompt=none} is refused.
         */
        public Builder skipNonVerifiableCallbackConfirmation(boolean skip) {
            this.skipNonVerifiableCallbackConfirmation = skip;
            return this;
        }

        /**
         * Leniency, off by default ("Uncapped User Profile Data", end of life 2027-03-04): a PATCH that would make
         * {@code user_metadata} larger than 10 KB is applied, with a warning in {@link LocalTenant#warnings()}. By
         * default it is refused with a 400 and nothing changes: Auth0 says such writes "may fail", and a client must
         * not count on them.
         */
        public Builder uncappedProfileData(boolean uncapped) {
            this.uncappedProfileData = uncapped;
            return this;
        }

        /** Whether the demo accounts (README table) are seeded; default true. */
        public Builder seedDemoUsers(boolean seed) {
            this.seedDemoUsers = seed;
            return this;
        }

        /** Seeds one more account (after the demo accounts, if any); see {@link TenantAccount#builder()}. */
        public Builder account(TenantAccount account) {
            this.accounts.add(Objects.requireNonNull(account));
            return this;
        }

        public Builder accessTokenLifetime(Duration d) {
            this.accessTokenLifetime = Objects.requireNonNull(d);
            return this;
        }

        public Builder idTokenLifetime(Duration d) {
            this.idTokenLifetime = Objects.requireNonNull(d);
            return this;
        }

        public Builder codeLifetime(Duration d) {
            this.codeLifetime = Objects.requireNonNull(d);
            return this;
        }

        /** The Management API rate limit; default {@link RateLimit#essentials()}. */
        public Builder rateLimit(RateLimit limit) {
            this.rateLimit = Objects.requireNonNull(limit);
            return this;
        }

        /**
         * The RS256 key pair to sign with until the first {@link LocalTenant#rotateSigningKey() rotation} (a new one by default).
         * For tests that start many tenants: making a 2048-bit key costs a noticeable part of a second (seconds in a
         * fresh JVM). The tenant still gets a key id of its own, so no tenant accepts another's tokens.
         */
        public Builder signingKey(KeyPair keyPair) {
            this.signingKey = Objects.requireNonNull(keyPair);
            return this;
        }

        /** Whether {@link LocalTenant#faults()} is available; default true. */
        public Builder faultInjection(boolean on) {
            this.faultInjection = on;
            return this;
        }

        /** Whether {@link LocalTenant#requests()} records requests; default true. */
        public Builder recordRequests(boolean on) {
            this.recordRequests = on;
            return this;
        }

        /**
         * Serves HTTPS instead of HTTP, with the certificate of this context (a test makes one; the shipped demo never
         * does: it is on 127.0.0.1, where http is the app's rule). Off by default. Clients must trust the certificate.
         */
        public Builder https(SSLContext context) {
            this.tls = Objects.requireNonNull(context);
            return this;
        }

        /**
         * The base URL the tenant calls itself (issuer, audience, links, discovery) when clients reach it under
         * another address than its socket, e.g. {@code https://acme.test} through a test proxy that forwards that
         * name to the tenant's port. Default: {@code http(s)://127.0.0.1:PORT}.
         */
        public Builder advertisedBaseUrl(String baseUrl) {
            String url = Objects.requireNonNull(baseUrl);
            this.advertisedBaseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            return this;
        }

        /** The demo the installers ship: no fault injection, no request recording, and the run's one demo key pair. */
        public Builder forShippedDemo() {
            return faultInjection(false).recordRequests(false).signingKey(ShippedDemoKey.PAIR);
        }

        /**
         * The shipped demo's key pair, made once per run (on the background thread that first starts the demo): a
         * demo started again after a tenant switch, and every app a test JVM starts, skip the 0.1–0.5 s of CPU a
         * 2048-bit key costs (seconds in a JVM that has just started). Each start still names its key itself, so a
         * token of an earlier demo tenant is refused.
         */
        private static final class ShippedDemoKey {
            static final KeyPair PAIR = TokenIssuer.newKeyPair();
        }

        public LocalTenant start() {
            try {
                return new LocalTenant(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the local tenant", e);
            }
        }
    }
}
