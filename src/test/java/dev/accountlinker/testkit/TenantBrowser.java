package dev.accountlinker.testkit;

import dev.accountlinker.localtenant.LocalTenant;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny scripted browser for the local tenant: java.net.http.HttpClient plus a CookieManager (so the SSO cookie
 * behaves like in a real browser). It follows redirects by hand and stops at the first redirect that goes to the
 * app's redirect URI, returning that callback URI without requesting it. Like a person who started the sign-in, it
 * clicks Continue on the tenant's "confirm this app" page (shown for a loopback or custom-scheme callback) and goes
 * on; {@link #confirmationsPassed()} counts those clicks, and {@link #stoppingAtConfirmations()} stops there instead.
 *
 * <pre>{@code
 * TenantBrowser browser = new TenantBrowser();
 * URI callback = browser.signIn(authorizeUrl, "alice@example.com", "Alice-Demo-1");
 * String code = TenantBrowser.queryParams(callback).get("code");
 * }</pre>
 */
public final class TenantBrowser {

    /** A page the browser ended on (login page, error page...). */
    public record Page(URI uri, int status, String html) {

        /** True when the page has the login form ({@code #username}, {@code #password}, {@code #submit}). */
        public boolean hasLoginForm() {
            return html.contains("id=\"username\"")
                    && html.contains("id=\"password\"")
                    && html.contains("id=\"submit\"");
        }

        /** True for the tenant's "confirm this app" page (its {@code #confirm} and {@code #cancel} buttons). */
        public boolean isConfirmation() {
            return html.contains("id=\"confirm-app-form\"");
        }

        /** Text of the {@code #error} element, if any. */
        public Optional<String> error() {
            Matcher m =
                    Pattern.compile("id=\"error\"[^>]*>(.*?)</", Pattern.DOTALL).matcher(html);
            return m.find() ? Optional.of(unescape(m.group(1).trim())) : Optional.empty();
        }

        public String title() {
            Matcher m = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(html);
            return m.find() ? unescape(m.group(1).trim()) : "";
        }

        /** Absolute URL of a link by element id (e.g. {@code connection-google-oauth2}). */
        public Optional<URI> link(String id) {
            Matcher m = Pattern.compile("<a[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*href=\"([^\"]*)\"")
                    .matcher(html);
            return m.find() ? Optional.of(uri.resolve(unescape(m.group(1)))) : Optional.empty();
        }
    }

    /** Where navigation stopped: at the app's callback (code/state or error), or on a page. */
    public record Outcome(URI callback, Page page) {

        public boolean reachedCallback() {
            return callback != null;
        }

        /** Query parameters of the callback; empty when the browser ended on a page. */
        public Map<String, String> params() {
            return callback == null ? Map.of() : queryParams(callback);
        }

        public Page requirePage() {
            if (page == null) {
                throw new AssertionError("Expected a page but was redirected to the callback " + redacted(callback));
            }
            return page;
        }

        public URI requireCallback() {
            if (callback == null) {
                throw new AssertionError(
                        "Expected a redirect to the callback but ended on " + page.uri() + " (" + page.status() + ", "
                                + page.title() + ", error=" + page.error().orElse("-") + ")");
            }
            return callback;
        }
    }

    private static final int MAX_REDIRECTS = 10;

    private final String redirectUri;
    private final CookieManager cookies;
    private final HttpClient http;
    private final boolean passConfirmations;
    private final AtomicInteger confirmationsPassed;

    public TenantBrowser() {
        this(LocalTenant.LOOPBACK_REDIRECT_URI);
    }

    /** @param redirectUri the app's callback: navigation stops at the first redirect there */
    public TenantBrowser(String redirectUri) {
        this(redirectUri, new CookieManager(null, CookiePolicy.ACCEPT_ALL), true, new AtomicInteger());
    }

    private TenantBrowser(
            String redirectUri, CookieManager cookies, boolean passConfirmations, AtomicInteger confirmationsPassed) {
        this.redirectUri = stripQuery(redirectUri);
        this.cookies = cookies;
        this.passConfirmations = passConfirmations;
        this.confirmationsPassed = confirmationsPassed;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** GET the URL (e.g. an /authorize URL) and follow redirects until the callback or a page. */
    public Outcome open(String url) {
        return follow(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Fill {@code #username}/{@code #password} on the login page and submit the form (with its hidden fields). */
    public Outcome submit(Page loginPage, String username, String password) {
        if (!loginPage.hasLoginForm()) {
            throw new AssertionError("No login form on " + loginPage.uri() + ": " + loginPage.title());
        }
        Matcher form = Pattern.compile("<form[^>]*action=\"([^\"]*)\"").matcher(loginPage.html());
        if (!form.find()) {
            throw new AssertionError("No form action on " + loginPage.uri());
        }
        Map<String, String> fields = hiddenFields(loginPage.html());
        fields.put("username", username);
        fields.put("password", password);
        URI action = loginPage.uri().resolve(unescape(form.group(1)));
        return follow(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(fields))));
    }

    /** Open the authorize URL, log in on the page it shows, and return the callback URI (code/state or error). */
    public URI signIn(String authorizeUrl, String username, String password) {
        Outcome first = open(authorizeUrl);
        if (first.reachedCallback()) {
            throw new AssertionError(
                    "Expected a login page but the tenant answered at once (SSO?): " + redacted(first.callback()));
        }
        return submit(first.page(), username, password).requireCallback();
    }

    /** Like {@link #signIn} but first picks the social connection link on the Universal Login page. */
    public URI signInWith(String authorizeUrl, String connectionLinkId, String username, String password) {
        Page universal = open(authorizeUrl).requirePage();
        URI link = universal
                .link(connectionLinkId)
                .orElseThrow(() -> new AssertionError("No link #" + connectionLinkId + " on " + universal.title()));
        return submit(open(link.toString()).requirePage(), username, password).requireCallback();
    }

    /** The same browser (same cookies) stopping at another URL, e.g. a logout returnTo. */
    public TenantBrowser stoppingAt(String otherRedirectUri) {
        return new TenantBrowser(otherRedirectUri, cookies, passConfirmations, confirmationsPassed);
    }

    /** The same browser (same cookies, same count) that stops on a "confirm this app" page and returns it. */
    public TenantBrowser stoppingAtConfirmations() {
        return new TenantBrowser(redirectUri, cookies, false, confirmationsPassed);
    }

    /** Clicks Continue on a "confirm this app" page and follows on. */
    public Outcome confirm(Page confirmation) {
        return answer(confirmation, "accept");
    }

    /** Clicks Cancel on a "confirm this app" page and follows on (the app gets {@code error=access_denied}). */
    public Outcome decline(Page confirmation) {
        return answer(confirmation, "deny");
    }

    /** How many "confirm this app" pages this browser (and its copies) clicked Continue on. */
    public int confirmationsPassed() {
        return confirmationsPassed.get();
    }

    private Outcome answer(Page confirmation, String action) {
        return follow(confirmationAnswer(confirmation, action));
    }

    /** The request the page's button sends: its form's hidden fields and the button's own name and value. */
    private static HttpRequest.Builder confirmationAnswer(Page confirmation, String action) {
        if (!confirmation.isConfirmation()) {
            throw new AssertionError(
                    "Not a \"confirm this app\" page: " + confirmation.uri() + " (" + confirmation.title() + ")");
        }
        Matcher form = Pattern.compile("<form[^>]*action=\"([^\"]*)\"").matcher(confirmation.html());
        if (!form.find()) {
            throw new AssertionError("No form action on " + confirmation.uri());
        }
        Map<String, String> fields = hiddenFields(confirmation.html());
        fields.put("action", action);
        return HttpRequest.newBuilder(confirmation.uri().resolve(unescape(form.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(fields)));
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(html);
        while (hidden.find()) {
            String tag = hidden.group();
            fields.put(attr(tag, "name"), attr(tag, "value"));
        }
        return fields;
    }

    private static String formBody(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(enc(k))
                .append('=')
                .append(enc(v)));
        return body.toString();
    }

    public CookieManager cookieManager() {
        return cookies;
    }

    /** True when the browser holds the tenant's SSO session cookie ({@code auth0}). */
    public boolean hasSessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .map(HttpCookie::getName)
                .anyMatch("auth0"::equals);
    }

    public void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    private Outcome follow(HttpRequest.Builder first) {
        HttpRequest request = first.timeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i <= MAX_REDIRECTS; i++) {
            HttpResponse<String> response = send(request);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && location.isPresent()) {
                URI next = request.uri().resolve(location.get());
                if (stripQuery(next.toString()).equals(redirectUri)) {
                    return new Outcome(next, null);
                }
                request = HttpRequest.newBuilder(next)
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build();
                continue;
            }
            Page page = new Page(request.uri(), status, response.body());
            if (passConfirmations && page.isConfirmation()) {
                // As the person who started this sign-in does: read the page, click Continue.
                confirmationsPassed.incrementAndGet();
                request = confirmationAnswer(page, "accept")
                        .timeout(Duration.ofSeconds(10))
                        .build();
                continue;
            }
            return new Outcome(null, page);
        }
        throw new AssertionError("Too many redirects");
    }

    /**
     * Sends once, and a GET once more when the connection was reset or closed without an answer: a server may close
     * a kept-alive connection the client was about to reuse (idle timeout, connection cap), and a GET is safe to
     * repeat (RFC 9110, section 9.2.2) as browsers do. A POST is never repeated: it may have been acted on.
     */
    private HttpResponse<String> send(HttpRequest request) {
        try {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (!request.method().equals("GET") || !isResetConnection(e)) {
                    throw e;
                }
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reset, or closed before any byte of the answer; not a timeout and not a refused connection. */
    static boolean isResetConnection(IOException e) {
        if (e instanceof HttpTimeoutException || e instanceof ConnectException) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof EOFException
                    || message.contains("Connection reset")
                    || message.contains("received no bytes")
                    || message.contains("Broken pipe")) {
                return true;
            }
        }
        return false;
    }

    /** Decoded query parameters of a URI. */
    public static Map<String, String> queryParams(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String redacted(URI callback) {
        return callback == null ? "null" : callback.toString().replaceAll("code=[^&]*", "code=[redacted]");
    }

    private static String stripQuery(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    private static String attr(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? unescape(m.group(1)) : "";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
