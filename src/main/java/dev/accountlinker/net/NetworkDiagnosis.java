package dev.accountlinker.net;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a connection failed, in words a person can act on: the name was not found, nothing answered on that port, no
 * answer in time, the secure (TLS) connection failed, or the proxy in between was the problem. Works on what the JDK's
 * HTTP clients ({@code java.net.http}, {@code HttpURLConnection}) and OkHttp throw, so the connect screen's check,
 * the Auth0 SDK's errors and the sign-in window's page loads are explained the same way. No UI, no I/O.
 * <p>
 * Through a proxy the app opens sockets only to the proxy (the proxy resolves and connects to the host), so a name
 * that cannot be found, a refused connection or a connect timeout then concern the proxy itself; the proxy's refusal
 * to connect onwards comes back as its answer to CONNECT.
 */
public record NetworkDiagnosis(Problem problem, Route route, String detail) {
    /** Each problem has its message, {@code net.<name>} in the bundle, with the host and the proxy as arguments. */
    public enum Problem {
        NAME_NOT_FOUND("net.nameNotFound"),
        CONNECTION_REFUSED("net.refused"),
        TIMED_OUT("net.timedOut"),
        TLS_FAILED("net.tlsFailed.handshake"),
        CONNECTION_LOST("net.connectionLost"),
        PROXY_NAME_NOT_FOUND("net.proxyNameNotFound"),
        PROXY_UNREACHABLE("net.proxyUnreachable"),
        PROXY_TIMED_OUT("net.proxyTimedOut"),
        PROXY_REFUSED("net.proxyRefused"),
        PROXY_AUTHENTICATION("net.proxyAuthentication");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }

        public boolean concernsProxy() {
            return name().startsWith("PROXY_");
        }
    }

    /** The status in a proxy's refusal: "Tunnel failed, got: 502", "Proxy returns "HTTP/1.1 403 ..."", "CONNECT: 502". */
    private static final Pattern TUNNEL_REFUSED = Pattern.compile(
            "(?i)(?:tunnel failed, got:?|unable to tunnel through proxy.*?HTTP/\\d(?:\\.\\d)?|response code for CONNECT:?)\\s*(\\d{3})");

    private static final Pattern PROXY_AUTH = Pattern.compile("(?i)(failed to authenticate with proxy|\\b407\\b)");

    /** The message arguments: {0} the host, {1} the proxy ({@code host:port}, or "" when direct), {2} a detail. */
    public List<Object> arguments() {
        return List.of(route.host(), route.proxyAddress().orElse(""), detail);
    }

    /** TLS failures say which kind: {@code net.tlsFailed.certificate}, {@code .name} or {@code .handshake}. */
    public String messageKey() {
        if (problem != Problem.TLS_FAILED) {
            return problem.messageKey();
        }
        return switch (detail) {
            case "certificate" -> "net.tlsFailed.certificate";
            case "name" -> "net.tlsFailed.name";
            default -> "net.tlsFailed.handshake";
        };
    }

    /**
     * The diagnosis of a failed connection along {@code route}, or empty when the failure is not about the network
     * (a bad answer, a bug).
     */
    public static Optional<NetworkDiagnosis> of(Throwable failure, Route route) {
        boolean viaProxy = route.proxy().isPresent();
        Optional<Problem> problem = Optional.empty();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            Matcher tunnel = TUNNEL_REFUSED.matcher(message);
            if (viaProxy
                    && cause instanceof IOException
                    && PROXY_AUTH.matcher(message).find()) {
                return Optional.of(new NetworkDiagnosis(Problem.PROXY_AUTHENTICATION, route, "407"));
            }
            if (viaProxy && cause instanceof IOException && tunnel.find()) {
                return Optional.of(new NetworkDiagnosis(Problem.PROXY_REFUSED, route, tunnel.group(1)));
            }
            if (cause instanceof SSLException) {
                return Optional.of(new NetworkDiagnosis(Problem.TLS_FAILED, route, tlsReason(cause)));
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return Optional.of(new NetworkDiagnosis(
                        viaProxy ? Problem.PROXY_NAME_NOT_FOUND : Problem.NAME_NOT_FOUND, route, ""));
            }
            if (problem.isEmpty()) {
                if (cause instanceof HttpTimeoutException
                        || cause instanceof SocketTimeoutException
                        || cause instanceof InterruptedIOException) {
                    // A timeout before any answer; through a proxy, most likely the proxy (a connect timeout always
                    // is).
                    boolean connecting = cause instanceof java.net.http.HttpConnectTimeoutException
                            || message.toLowerCase(java.util.Locale.ROOT).contains("connect");
                    problem = Optional.of(viaProxy && connecting ? Problem.PROXY_TIMED_OUT : Problem.TIMED_OUT);
                } else if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                    problem = Optional.of(viaProxy ? Problem.PROXY_UNREACHABLE : Problem.CONNECTION_REFUSED);
                } else if (cause instanceof IOException) {
                    problem = Optional.of(Problem.CONNECTION_LOST);
                }
            }
        }
        return problem.map(found -> new NetworkDiagnosis(found, route, ""));
    }

    /** A short reason from a TLS failure: the usual one (an untrusted certificate) said plainly. */
    private static String tlsReason(Throwable tls) {
        for (Throwable cause = tls; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String name = cause.getClass().getName();
            if (name.endsWith("CertPathBuilderException")
                    || name.endsWith("ValidatorException")
                    || name.endsWith("CertificateException")
                    || name.endsWith("CertPathValidatorException")) {
                return "certificate";
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (message.contains("No subject alternative") || message.contains("doesn't match")) {
                return "name";
            }
        }
        return "handshake";
    }
}
