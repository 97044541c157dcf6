package dev.accountlinker.ui.signin;

import dev.accountlinker.auth.AuthException;
import dev.accountlinker.auth.LoopbackPage;
import dev.accountlinker.auth.SignInService;
import dev.accountlinker.auth.SignedOutPage;
import dev.accountlinker.config.SignInWays;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.TaskRunner;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;

import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Ends the tenant's single-sign-on session wherever the app left one, so the next sign-in at this computer
 * cannot be answered silently by the previous person's session:
 * <ul>
 * <li>the sign-in windows' own web session: an invisible page loads {@code /v2/logout} with its cookie, then the
 *     cookies are cleared and WebKit's data folder deleted (the redirect to {@code returnTo} is caught, never
 *     requested);</li>
 * <li>after any system-browser sign-in, the person's browser: it opens {@code /v2/logout}, whose
 *     {@code returnTo} is a "You are signed out" page the app serves for a while on its loopback port. When
 *     every loopback port is held by another program, the browser is not sent at all: any {@code returnTo}
 *     Auth0 would accept (ours, or the first Allowed Logout URL it uses when none is given) is then a port that
 *     other program answers. The person is told, and the next sign-out tries again.</li>
 * </ul>
 * Nothing here makes the person wait: the sign-in screen shows at once. Used on the UI thread.
 */
public final class TenantSignOut implements AutoCloseable {
    /** How long the invisible page may take before the cookies are cleared anyway. */
    private static final Duration EMBEDDED_LOGOUT_DEADLINE = Duration.ofSeconds(10);

    /** The sign-in windows' web session (cookie store and WebKit's folder), which the app owns. */
    public interface WebSession {
        /** True when the sign-in windows hold a cookie of the tenant (someone signed in embedded). */
        boolean isActive();

        /** Forgets the cookies and deletes WebKit's data folder: the next sign-in window uses a fresh one. */
        void clear();

        File dataFolder();
    }

    private final Messages messages;
    private final LoginSettings settings;
    private final TaskRunner tasks;
    private final SignInWays ways;
    private final WebSession webSession;
    private final SignInHistory history;
    private SignedOutPage openPage;
    private WebEngine loggingOut;

    public TenantSignOut(
            Messages messages,
            LoginSettings settings,
            TaskRunner tasks,
            SignInWays ways,
            WebSession webSession,
            SignInHistory history) {
        this.messages = messages;
        this.settings = settings;
        this.tasks = tasks;
        this.ways = ways;
        this.webSession = webSession;
        this.history = history;
    }

    /**
     * @param federated            also sign out of the identity provider (Google, GitHub...) behind the tenant
     * @param browserStillSignedIn told (on the UI thread) what to say when the browser's session could not be
     *                             ended because every loopback port is busy
     */
    public void signOut(SignInService service, boolean federated, Consumer<String> browserStillSignedIn) {
        // Never requested: the web view's redirect there is caught and stopped before it leaves (see below).
        URI returnTo = ways.signedOutUris().get(0);
        if (webSession.isActive()) {
            endEmbeddedSession(service.logoutUrl(returnTo.toString(), federated), returnTo);
        } else {
            webSession.clear(); // what WebKit stored goes even without a session cookie
        }
        if (history.browserUsed()) {
            endBrowserSession(service, federated, browserStillSignedIn);
        }
    }

    private void endEmbeddedSession(String logoutUrl, URI returnTo) {
        WebEngine engine = new WebEngine();
        loggingOut = engine; // held until done: an engine nobody references could be collected mid-request
        engine.setUserDataDirectory(webSession.dataFolder());
        TaskRunner.Running deadline = tasks.schedule(EMBEDDED_LOGOUT_DEADLINE, () -> finishEmbedded(engine));
        engine.locationProperty().addListener((observable, old, location) -> {
            if (location != null && location.startsWith(returnTo.toString())) {
                // The tenant ended its session and sends the browser back: nothing to load there.
                engine.getLoadWorker().cancel();
                deadline.cancel();
                finishEmbedded(engine);
            }
        });
        engine.getLoadWorker().stateProperty().addListener((observable, old, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED) {
                deadline.cancel();
                finishEmbedded(engine);
            }
        });
        engine.load(logoutUrl);
    }

    private void finishEmbedded(WebEngine engine) {
        if (loggingOut != engine) {
            return;
        }
        loggingOut = null;
        engine.load(null); // lets go of the data folder before it is deleted
        webSession.clear();
    }

    private void endBrowserSession(SignInService service, boolean federated, Consumer<String> browserStillSignedIn) {
        closePage();
        String language = messages.locale().toLanguageTag();
        String page = LoopbackPage.html(
                language, messages.get("browser.page.signedOutTitle"), messages.get("browser.page.signedOut"));
        String notForUs = LoopbackPage.html(
                language, messages.get("browser.page.notForUsTitle"), messages.get("browser.page.notForUs"));
        tasks.run(
                () -> {
                    SignedOutPage started =
                            SignedOutPage.start(ways.loopbackPorts(), page, notForUs, SignedOutPage.DEFAULT_LIFETIME);
                    settings.browserOpener()
                            .open(service.logoutUrl(started.returnToUri().toString(), federated));
                    return started;
                },
                started -> {
                    openPage = started;
                    history.forget();
                },
                failure -> {
                    // Every loopback port is busy (or the browser could not be asked): the browser's session stays,
                    // and is ended at the next sign-out. A page that did get a port is closed by its lifetime.
                    if (failure instanceof AuthException busy
                            && busy.reason() == AuthException.Reason.LOOPBACK_UNAVAILABLE) {
                        browserStillSignedIn.accept(messages.get(
                                "signin.signedOut.browserStillSignedIn",
                                ways.loopbackPorts().stream()
                                        .map(String::valueOf)
                                        .collect(Collectors.joining(", "))));
                    }
                });
    }

    private void closePage() {
        if (openPage != null) {
            openPage.close();
            openPage = null;
        }
    }

    /** Quitting: the signed-out page stops listening; an unfinished embedded logout clears the cookies now. */
    @Override
    public void close() {
        closePage();
        if (loggingOut != null) {
            finishEmbedded(loggingOut);
        }
    }
}
