package dev.accountlinker.ui.signin;

import dev.accountlinker.auth.AuthException;
import dev.accountlinker.auth.AuthorizationRequest;
import dev.accountlinker.auth.CallbackResponse;
import dev.accountlinker.auth.LoopbackPage;
import dev.accountlinker.auth.LoopbackReceiver;
import dev.accountlinker.i18n.Messages;
import dev.accountlinker.ui.TaskRunner;
import javafx.stage.Window;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sign-in in the user's own browser (RFC 8252): a loopback listener on a fixed, registrable port takes the
 * redirect, while a small window says where to look and offers Cancel and "Open the browser again"; the
 * window's deadline ends a forgotten attempt. One instance per attempt.
 *
 * <p>The browser is opened with the listener's one-time start URL, never with the authorize URL: the opener's
 * command line is readable by every user of the computer (see {@link LoopbackReceiver}). The link the person may
 * copy is that start URL too, and it is taken off the clipboard again when the attempt ends.
 */
public final class BrowserLogin implements LoginLauncher {
    /**
     * The listener's own timer only frees the port if the window somehow did not end the attempt: it runs a
     * minute past the window's deadline, so the two never race.
     */
    private static final Duration LISTENER_BACKSTOP = Duration.ofMinutes(1);

    private final Messages messages;
    private final Supplier<Window> owner;
    private final LoginSettings settings;
    private final TaskRunner tasks;
    private final List<Integer> loopbackPorts;
    private final Consumer<URI> afterListening;
    private LoopbackReceiver receiver;
    private boolean abandoned;

    /** @param loopbackPorts the ports to try in order (SignInWays.loopbackPorts) */
    public BrowserLogin(
            Messages messages,
            Supplier<Window> owner,
            LoginSettings settings,
            TaskRunner tasks,
            List<Integer> loopbackPorts) {
        this(messages, owner, settings, tasks, loopbackPorts, uri -> {});
    }

    /**
     * @param afterListening told, on the preparing thread, once the listener is bound and before
     *                       {@link #prepare()} returns: lets a test hold the attempt at that moment
     */
    public BrowserLogin(
            Messages messages,
            Supplier<Window> owner,
            LoginSettings settings,
            TaskRunner tasks,
            List<Integer> loopbackPorts,
            Consumer<URI> afterListening) {
        this.messages = messages;
        this.owner = owner;
        this.settings = settings;
        this.tasks = tasks;
        this.loopbackPorts = List.copyOf(loopbackPorts);
        this.afterListening = afterListening;
    }

    @Override
    public Optional<URI> prepare() throws AuthException {
        LoopbackReceiver started = LoopbackReceiver.start(
                loopbackPorts,
                new LoopbackReceiver.Pages(
                        page("browser.page.successTitle", "browser.page.success"),
                        page("browser.page.errorTitle", "browser.page.error"),
                        page("browser.page.notForUsTitle", "browser.page.notForUs"),
                        page("browser.page.otherUserTitle", "browser.page.otherUser"),
                        page("browser.page.linkUsedTitle", "browser.page.linkUsed")));
        boolean kept;
        try {
            afterListening.accept(started.redirectUri());
        } finally {
            // abandon() (a cancel on the UI thread) may come while this runs, before the listener is ours to
            // close: whichever of the two comes second closes it.
            synchronized (this) {
                kept = !abandoned;
                if (kept) {
                    receiver = started;
                }
            }
            if (!kept) {
                started.close();
            }
        }
        if (!kept) {
            throw AuthException.cancelled();
        }
        return Optional.of(started.redirectUri());
    }

    private String page(String titleKey, String textKey) {
        return LoopbackPage.html(messages.locale().toLanguageTag(), messages.get(titleKey), messages.get(textKey));
    }

    @Override
    public CompletableFuture<CallbackResponse> open(AuthorizationRequest request, LoginPurpose purpose) {
        AttemptWindow window = new AttemptWindow(messages, owner.get(), purpose);
        receiver.awaitCallback(request.state(), settings.timeout().plus(LISTENER_BACKSTOP))
                .whenComplete((callback, failure) -> {
                    if (failure != null) {
                        window.result().completeExceptionally(failure);
                    } else {
                        window.succeed(callback);
                    }
                });
        // The port is freed as soon as the attempt ends, whichever way.
        window.result().whenComplete((value, failure) -> receiver.close());
        BrowserWaitView[] view = new BrowserWaitView[1];
        Supplier<String> signInLink = () -> receiver.startUri(request.url()).toString();
        Runnable openBrowser = () -> tasks.run(
                () -> settings.browserOpener().open(signInLink.get()),
                outcome -> {
                    if (outcome == BrowserOpener.Outcome.FAILED) {
                        view[0].showCouldNotOpen();
                    } else {
                        view[0].showOpened();
                    }
                },
                failure -> view[0].showCouldNotOpen());
        view[0] = new BrowserWaitView(messages, signInLink, new BrowserWaitView.Actions() {
            @Override
            public void openAgain() {
                openBrowser.run();
            }

            @Override
            public void useEmbedded() {
                window.fail(new AuthException(AuthException.Reason.SWITCH_TO_EMBEDDED, ""));
            }

            @Override
            public void cancel() {
                window.cancel();
            }
        });
        // The copied link is useless once the attempt has ended; it does not stay on the clipboard either.
        window.show(view[0].root(), tasks, settings.timeout(), view[0]::forgetCopiedLink);
        openBrowser.run();
        return window.result();
    }

    @Override
    public void abandon() {
        LoopbackReceiver taken;
        synchronized (this) {
            abandoned = true;
            taken = receiver;
        }
        if (taken != null) {
            taken.close();
        }
    }
}
