package dev.accountlinker.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accountlinker.config.TenantAddress;
import dev.accountlinker.config.TenantSettings;
import dev.accountlinker.errors.UserMessage;
import dev.accountlinker.net.NetworkDiagnosis;
import dev.accountlinker.net.Route;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks, before anything is saved, that an address is an Auth0 tenant the app can sign in with: it fetches the
 * tenant's {@code /.well-known/openid-configuration} and its signing keys (JWKS) through the app's proxy rules and
 * reports, each on its own line, whether the tenant is reachable, calls itself by that address (issuer), publishes
 * RS256 keys and names the authorize and token endpoints. Every failure becomes one plain sentence.
 * <p>
 * These two documents are public discovery files, not an Auth0 API call that the Auth0 SDK offers, so a plain JDK
 * {@link HttpClient} fetches them (through the same proxy selector as everything else); sign-in and the Management
 * API still go through the SDK. Blocking: run it in a background task; an interrupt stops it.
 */
public final class TenantCheck {
    /** What a line of the report is about, in the order the lines come. */
    public enum Item {
        REACHABLE,
        ISSUER,
        SIGNING_KEYS,
        ENDPOINTS
    }

    /** One line of the report: ✓ or ✗ and what it means. */
    public record Line(Item item, boolean passed, UserMessage message) {}

    /** The whole answer for one address. */
    public record Report(TenantAddress address, List<Line> lines) {
        public Report {
            lines = List.copyOf(lines);
        }

        public boolean passed() {
            return !lines.isEmpty() && lines.stream().allMatch(Line::passed);
        }
    }

    /** Neither document is ever this large; a bigger answer is not what we asked for. */
    private static final int MAX_BODY = 1_000_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProxySelector proxies;
    private final Duration connectTimeout;

    public TenantCheck(ProxySelector proxies) {
        this(proxies, TenantSettings.DEFAULT_CONNECT_TIMEOUT);
    }

    public TenantCheck(ProxySelector proxies, Duration connectTimeout) {
        this.proxies = proxies;
        this.connectTimeout = connectTimeout;
    }

    /** Runs every check against the address; stops at the first line when the tenant cannot be reached at all. */
    public Report run(TenantAddress address) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .proxy(proxies)
                .connectTimeout(connectTimeout)
                // A redirect is itself the finding (a captive portal, a wrong address): never followed.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        List<Line> lines = new ArrayList<>();
        String base = address.baseUrl();
        URI discoveryUri = URI.create(base + "/.well-known/openid-configuration");
        Fetched discovery = fetch(client, discoveryUri);
        Optional<UserMessage> unreachable = problemOf(discovery, base);
        if (unreachable.isPresent()) {
            lines.add(new Line(Item.REACHABLE, false, unreachable.get()));
            return new Report(address, lines);
        }
        JsonNode document = discovery.json().orElseThrow();
        lines.add(new Line(Item.REACHABLE, true, message("connect.check.reachable", base)));
        lines.add(issuerLine(document, address));
        lines.add(keysLine(client, address));
        lines.add(endpointsLine(document));
        return new Report(address, lines);
    }

    private static Line issuerLine(JsonNode document, TenantAddress address) {
        String issuer = document.path("issuer").asText("");
        if (issuer.isEmpty()) {
            return new Line(Item.ISSUER, false, message("connect.check.issuer.missing"));
        }
        if (issuer.equals(address.issuer())) {
            return new Line(Item.ISSUER, true, message("connect.check.issuer.ok", issuer));
        }
        String suggestion = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        if (suggestion.startsWith("https://")) {
            suggestion = suggestion.substring("https://".length());
        }
        return new Line(
                Item.ISSUER, false, message("connect.check.issuer.mismatch", issuer, address.issuer(), suggestion));
    }

    private Line keysLine(HttpClient client, TenantAddress address) throws InterruptedException {
        String jwksUrl = address.jwksUrl();
        Fetched keys = fetch(client, URI.create(jwksUrl));
        if (keys.failure().isPresent()) {
            return new Line(Item.SIGNING_KEYS, false, keys.failure().get());
        }
        if (keys.status() != 200 || keys.json().isEmpty()) {
            return new Line(Item.SIGNING_KEYS, false, message("connect.check.keys.unreadable", jwksUrl, keys.status()));
        }
        int rs256 = 0;
        for (JsonNode key : keys.json().get().path("keys")) {
            boolean rsa = "RSA".equals(key.path("kty").asText());
            String alg = key.path("alg").asText("RS256");
            String use = key.path("use").asText("sig");
            if (rsa && alg.equals("RS256") && use.equals("sig") && key.hasNonNull("n") && key.hasNonNull("e")) {
                rs256++;
            }
        }
        return rs256 > 0
                ? new Line(Item.SIGNING_KEYS, true, message("connect.check.keys.ok", rs256))
                : new Line(Item.SIGNING_KEYS, false, message("connect.check.keys.none", jwksUrl));
    }

    private static Line endpointsLine(JsonNode document) {
        List<String> missing = new ArrayList<>();
        for (String endpoint : List.of("authorization_endpoint", "token_endpoint")) {
            if (document.path(endpoint).asText("").isBlank()) {
                missing.add(endpoint);
            }
        }
        return missing.isEmpty()
                ? new Line(Item.ENDPOINTS, true, message("connect.check.endpoints.ok"))
                : new Line(
                        Item.ENDPOINTS, false, message("connect.check.endpoints.missing", String.join(", ", missing)));
    }

    /** Why the discovery answer is not a tenant's, or empty when it is a JSON document. */
    private static Optional<UserMessage> problemOf(Fetched fetched, String base) {
        if (fetched.failure().isPresent()) {
            return fetched.failure();
        }
        int status = fetched.status();
        if (status >= 300 && status < 400) {
            return Optional.of(
                    message("connect.check.redirected", base, fetched.location().orElse("?")));
        }
        if (fetched.looksLikeHtml()) {
            // Hotel and train networks answer every address with their login page until you sign in there.
            return Optional.of(message("connect.check.captivePortal", base, status));
        }
        if (status != 200 || fetched.json().isEmpty() || !fetched.json().get().isObject()) {
            return Optional.of(message("connect.check.notOpenId", base, status));
        }
        return Optional.empty();
    }

    /** An answer, or why there was none. */
    private record Fetched(
            int status, Optional<String> location, String contentType, byte[] body, Optional<UserMessage> failure) {
        static Fetched failed(UserMessage why) {
            return new Fetched(-1, Optional.empty(), "", new byte[0], Optional.of(why));
        }

        Optional<JsonNode> json() {
            try {
                JsonNode node = JSON.readTree(body);
                return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
            } catch (IOException notJson) {
                return Optional.empty();
            }
        }

        boolean looksLikeHtml() {
            String start = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8)
                    .stripLeading()
                    .toLowerCase(Locale.ROOT);
            return contentType.toLowerCase(Locale.ROOT).contains("html") || start.startsWith("<");
        }
    }

    private Fetched fetch(HttpClient client, URI uri) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_BODY);
            }
            return new Fetched(
                    response.statusCode(),
                    response.headers().firstValue("Location"),
                    response.headers().firstValue("Content-Type").orElse(""),
                    body,
                    Optional.empty());
        } catch (IOException failure) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("check cancelled");
            }
            Route route = routeTo(uri);
            return Fetched.failed(NetworkDiagnosis.of(failure, route)
                    .map(diagnosis ->
                            new UserMessage(diagnosis.messageKey(), diagnosis.arguments(), UserMessage.Remedy.RETRY))
                    .orElse(message("net.connectionLost", uri.getHost())));
        }
    }

    private Route routeTo(URI uri) {
        List<Proxy> chosen = proxies.select(uri);
        Proxy proxy = chosen == null || chosen.isEmpty() ? Proxy.NO_PROXY : chosen.get(0);
        Optional<InetSocketAddress> through =
                proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress a
                        ? Optional.of(a)
                        : Optional.empty();
        return new Route(uri.getHost(), through);
    }

    private static UserMessage message(String key, Object... arguments) {
        return UserMessage.of(key, UserMessage.Remedy.RETRY, arguments);
    }
}
