package dev.accountlinker.errors;

import com.auth0.client.mgmt.core.ManagementApiException;
import com.auth0.client.mgmt.core.ManagementException;
import com.auth0.exception.Auth0Exception;
import com.fasterxml.jackson.core.JacksonException;
import dev.accountlinker.account.RequestPolicy;
import dev.accountlinker.auth.AuthException;
import dev.accountlinker.auth.IdTokenProblem;
import dev.accountlinker.config.ConfigException;
import dev.accountlinker.logging.AppLog;
import dev.accountlinker.net.NetworkDiagnosis;
import dev.accountlinker.net.Route;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns anything a background task can throw into one clear {@link UserMessage}. Pure but for one thing: a failure
 * it has no better message for (a bug, an unreadable answer) goes to the log with its stack trace, which the message
 * cannot carry. No UI, so every mapping is unit tested.
 */
public final class ErrorTranslator {
    private static final System.Logger LOG = AppLog.logger(ErrorTranslator.class);
    private static final Pattern EXPECTED_SCOPE = Pattern.compile("expected (?:any of|all of)?:?\\s*([\\w:, ]+)");

    private final Clock clock;
    /** How the tenant is reached: a failure of the proxy in between is named as such. */
    private final Route tenantRoute;

    public ErrorTranslator(Clock clock) {
        this(clock, Route.direct(""));
    }

    public ErrorTranslator(Clock clock, Route tenantRoute) {
        this.clock = clock;
        this.tenantRoute = tenantRoute;
    }

    public UserMessage translate(Throwable failure) {
        if (failure instanceof AuthException auth) {
            return forAuth(auth);
        }
        if (failure instanceof ConfigException config) {
            return new UserMessage(
                    config.messageKey(), prepend(config.settingKey(), config.arguments()), UserMessage.Remedy.NONE);
        }
        if (failure instanceof ManagementApiException api) {
            return forManagementApi(api);
        }
        if (failure instanceof CancellationException || failure instanceof InterruptedException) {
            return UserMessage.of("error.cancelled", UserMessage.Remedy.RETRY);
        }
        Optional<IOException> io = ioCause(failure);
        if (io.isPresent()) {
            return forNetwork(failure, io.get());
        }
        if (failure instanceof ManagementException || failure instanceof Auth0Exception) {
            // Most often a response that could not be read as the expected JSON.
            LOG.log(
                    System.Logger.Level.WARNING,
                    "An answer that could not be read, shown as error.badResponse",
                    failure);
            return UserMessage.of("error.badResponse", UserMessage.Remedy.RETRY);
        }
        LOG.log(System.Logger.Level.ERROR, "An unexpected failure, shown as error.unexpected", failure);
        return UserMessage.of("error.unexpected", UserMessage.Remedy.RETRY);
    }

    /**
     * The message for a failed read of the signed-in user's own account. A 404 means that user no longer exists
     * on its own: a link into another account went through after all (its answer was lost to a timeout), and
     * only a new sign-in can show the account as it is now.
     */
    public UserMessage translateOwnAccountRead(Throwable failure) {
        if (failure instanceof ManagementApiException api && api.statusCode() == 404) {
            return UserMessage.of("link.error.accountMoved", UserMessage.Remedy.SIGN_IN_AGAIN);
        }
        return translate(failure);
    }

    /** True when the failure is the person stopping the work (a closed sign-in window, Cancel), not an error. */
    public static boolean isCancellation(Throwable failure) {
        return failure instanceof CancellationException
                || failure instanceof InterruptedException
                || failure instanceof AuthException auth && auth.isCancelled();
    }

    private static List<Object> prepend(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private UserMessage forAuth(AuthException auth) {
        return switch (auth.reason()) {
            case CANCELLED -> UserMessage.of("signin.cancelled", UserMessage.Remedy.RETRY);
            case STATE_MISMATCH -> UserMessage.of("signin.error.state", UserMessage.Remedy.RETRY);
            case AUTHORIZATION_ERROR ->
                UserMessage.of("signin.error.authorization", UserMessage.Remedy.RETRY, auth.detail());
            case MALFORMED_CALLBACK -> UserMessage.of("signin.error.callback", UserMessage.Remedy.RETRY);
            case TOKEN_REJECTED -> UserMessage.of("signin.error.token", UserMessage.Remedy.RETRY, auth.detail());
            case INVALID_ID_TOKEN ->
                // A fixed reason from the bundles, never the verifier's text (it quotes the token's claims).
                UserMessage.of(
                        "signin.error.idToken",
                        UserMessage.Remedy.RETRY,
                        UserMessage.of(
                                auth.idTokenProblem()
                                        .orElse(IdTokenProblem.OTHER)
                                        .messageKey(),
                                UserMessage.Remedy.RETRY));
            case NETWORK ->
                ioCause(auth)
                        .map(io -> forNetwork(auth, io))
                        .orElse(UserMessage.of("error.unreachable", UserMessage.Remedy.RETRY));
            case SERVER_ERROR -> UserMessage.of("error.server", UserMessage.Remedy.RETRY, auth.detail());
            case MALFORMED_RESPONSE -> UserMessage.of("error.badResponse", UserMessage.Remedy.RETRY);
            case RATE_LIMITED -> UserMessage.of("error.rateLimited", UserMessage.Remedy.RETRY);
            case TIMED_OUT -> UserMessage.of("signin.error.timeout", UserMessage.Remedy.RETRY);
            case PAGE_LOAD_FAILED -> UserMessage.of("signin.error.pageLoad", UserMessage.Remedy.RETRY, auth.detail());
            case PAGE_BLOCKED -> UserMessage.of("signin.error.pageBlocked", UserMessage.Remedy.RETRY, auth.detail());
            case LOOPBACK_UNAVAILABLE ->
                UserMessage.of("signin.error.loopback", UserMessage.Remedy.RETRY, auth.detail());
            case SWITCH_TO_BROWSER, SWITCH_TO_EMBEDDED -> UserMessage.of("signin.cancelled", UserMessage.Remedy.RETRY);
            case STARTUP_FAILED -> UserMessage.of("error.unexpected", UserMessage.Remedy.RETRY);
        };
    }

    private UserMessage forNetwork(Throwable failure, IOException io) {
        if (io instanceof JacksonException) {
            return UserMessage.of("error.badResponse", UserMessage.Remedy.RETRY);
        }
        // A proxy that cannot be reached or refuses is named; so is a secure connection that failed, when the
        // tenant's host is known. Other failures keep the tenant-centred messages below.
        Optional<NetworkDiagnosis> diagnosis = NetworkDiagnosis.of(failure, tenantRoute);
        if (diagnosis.isPresent()
                && (diagnosis.get().problem().concernsProxy()
                        || diagnosis.get().problem() == NetworkDiagnosis.Problem.TLS_FAILED
                                && !tenantRoute.host().isEmpty())) {
            return new UserMessage(diagnosis.get().messageKey(), diagnosis.get().arguments(), UserMessage.Remedy.RETRY);
        }
        if (io instanceof SocketTimeoutException || io instanceof InterruptedIOException) {
            return UserMessage.of("error.timeout", UserMessage.Remedy.RETRY);
        }
        if (io instanceof ConnectException || io instanceof UnknownHostException) {
            return UserMessage.of("error.unreachable", UserMessage.Remedy.RETRY);
        }
        return UserMessage.of("error.network", UserMessage.Remedy.RETRY);
    }

    private static Optional<IOException> ioCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return Optional.of(io);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private UserMessage forManagementApi(ManagementApiException api) {
        String auth0Message = bodyField(api.body(), "message").orElse("");
        String errorCode = bodyField(api.body(), "errorCode").orElse("");
        int status = api.statusCode();
        if (status == 401) {
            return UserMessage.of("error.sessionExpired", UserMessage.Remedy.SIGN_IN_AGAIN);
        }
        if (status == 403 && errorCode.equals("insufficient_scope")) {
            Matcher matcher = EXPECTED_SCOPE.matcher(auth0Message);
            String scope = matcher.find() ? matcher.group(1).strip() : auth0Message;
            return UserMessage.of("error.insufficientScope", UserMessage.Remedy.SIGN_IN_AGAIN, scope);
        }
        if (status == 429) {
            return RequestPolicy.rateLimitReset(api)
                    .map(reset -> UserMessage.of(
                            "error.rateLimitedUntil",
                            UserMessage.Remedy.RETRY,
                            // A LocalTime: the messages write it as the app's locale does (14:05:09, 2:05:09 PM).
                            reset.atZone(zone()).toLocalTime().withNano(0)))
                    .orElse(UserMessage.of("error.rateLimited", UserMessage.Remedy.RETRY));
        }
        if (status >= 500) {
            return UserMessage.of("error.server", UserMessage.Remedy.RETRY, status);
        }
        if (!auth0Message.isEmpty()) {
            return UserMessage.of("error.auth0", UserMessage.Remedy.NONE, auth0Message, status);
        }
        return UserMessage.of("error.http", UserMessage.Remedy.NONE, status);
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private static Optional<String> bodyField(Object body, String field) {
        if (body instanceof Map<?, ?> map && map.get(field) != null) {
            return Optional.of(map.get(field).toString());
        }
        return Optional.empty();
    }
}
