package dev.accountlinker.testkit;

import dev.accountlinker.localtenant.LocalTenant;
import dev.accountlinker.ui.signin.BrowserOpener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The "system browser" of a kit test: the app asks it to open a URL, and it behaves as a person at a browser with
 * one cookie jar would, on its own thread. A sign-in page is only filled in when the test said who signs in next
 * ({@link #signInNextTime}, which {@link AccountLinkerRobot#signInThroughBrowser} and
 * {@link AccountLinkerRobot#link} call); otherwise the person leaves the page alone. A redirect (the app's one-time
 * start URL) is followed, and a sign-out page back to the app, as a browser does. The tenant's "confirm this app"
 * page is passed by clicking Continue, as the person who started the sign-in would. {@link #outcome} sets what the
 * platform says about opening it.
 */
public final class ScriptedBrowser implements BrowserOpener {
    private record Credentials(String email, String password) {}

    private final TenantBrowser browser = new TenantBrowser(LocalTenant.LOOPBACK_REDIRECT_URI);
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<String> pages = new CopyOnWriteArrayList<>();
    private final AtomicReference<Credentials> nextSignIn = new AtomicReference<>();
    private volatile Outcome outcome = Outcome.OPENED;

    @Override
    public Outcome open(String url) {
        opened.add(url);
        Outcome answer = outcome;
        if (answer == Outcome.FAILED) {
            return answer; // no browser on this machine: nothing opens
        }
        Thread person = new Thread(() -> visit(url), "scripted-browser");
        person.setDaemon(true);
        person.start();
        return answer;
    }

    /** The next sign-in page this browser opens is filled in with these credentials. */
    public void signInNextTime(String email, String password) {
        nextSignIn.set(new Credentials(email, password));
    }

    /** What the platform reports when the app opens the browser: OPENED (the default), UNKNOWN or FAILED. */
    public void outcome(Outcome outcome) {
        this.outcome = outcome;
    }

    /** Every URL the app asked the browser to open, in order. */
    public List<String> opened() {
        return List.copyOf(opened);
    }

    /** The pages the browser ended on, as {@code "<status> <body>"} (e.g. the app's "You can close this tab"). */
    public List<String> pages() {
        return List.copyOf(pages);
    }

    /**
     * How many times the person clicked Continue on the tenant's "confirm this app" page: Auth0 shows it after every
     * sign-in whose callback is a loopback address, which the system-browser way's always is.
     */
    public int confirmationsPassed() {
        return browser.confirmationsPassed();
    }

    /** True while the browser holds the tenant's single-sign-on session. */
    public boolean hasSessionCookie() {
        return browser.hasSessionCookie();
    }

    private void visit(String url) {
        try {
            URI uri = URI.create(url);
            Map<String, String> query = TenantBrowser.queryParams(uri);
            if (uri.getPath().endsWith("/authorize")) {
                Credentials who = nextSignIn.getAndSet(null);
                if (who == null) {
                    return; // the person does not sign in (yet)
                }
                TenantBrowser toApp = browser.stoppingAt(query.get("redirect_uri"));
                TenantBrowser.Outcome first = toApp.open(url);
                URI callback = first.reachedCallback()
                        ? first.callback()
                        : toApp.submit(first.requirePage(), who.email(), who.password())
                                .requireCallback();
                pages.add(show(callback));
            } else if (uri.getPath().endsWith("/v2/logout") && query.containsKey("returnTo")) {
                TenantBrowser.Outcome back =
                        browser.stoppingAt(query.get("returnTo")).open(url);
                pages.add(
                        back.reachedCallback()
                                ? show(back.callback())
                                : back.page().status() + " " + back.page().html());
            } else {
                Optional<HttpResponse<String>> page = reach(uri);
                Optional<String> location = page.filter(answer -> answer.statusCode() / 100 == 3)
                        .flatMap(answer -> answer.headers().firstValue("Location"));
                if (location.isPresent()) {
                    visit(uri.resolve(location.get()).toString()); // the start URL's redirect to the sign-in page
                } else {
                    pages.add(show(uri, page));
                }
            }
        } catch (RuntimeException | AssertionError e) {
            pages.add("failed " + e);
        }
    }

    /** The page at {@code uri} as {@code "<status> <body>"}, or that it could not be reached. */
    private static String show(URI uri) {
        return show(uri, reach(uri));
    }

    private static String show(URI uri, Optional<HttpResponse<String>> page) {
        return page.map(answer -> answer.statusCode() + " " + answer.body()).orElse("unreachable " + uri.getHost());
    }

    private static Optional<HttpResponse<String>> reach(URI uri) {
        try {
            return Optional.of(get(uri));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** One GET, redirects not followed (the caller decides, as a browser's navigation would). */
    private static HttpResponse<String> get(URI uri) {
        try {
            return HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(20))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }
}
