package dev.accountlinker.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The query of a redirect back to our redirect URI: either a code or an error, plus the state. Recognising
 * the redirect is an exact match on scheme, host, port and path, so a look-alike URI is never taken for it.
 */
public record CallbackResponse(
        Optional<String> code, Optional<String> state, Optional<String> error, Optional<String> errorDescription) {

    public static Optional<CallbackResponse> match(String location, URI redirectUri) {
        if (location == null || location.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.isOpaque()
                || uri.getScheme() == null
                || uri.getHost() == null
                || !uri.getScheme().equalsIgnoreCase(redirectUri.getScheme())
                || !uri.getHost().equalsIgnoreCase(redirectUri.getHost())
                || effectivePort(uri) != effectivePort(redirectUri)
                || !normalisedPath(uri).equals(normalisedPath(redirectUri))) {
            return Optional.empty();
        }
        Map<String, String> query = parseQuery(uri.getRawQuery());
        return Optional.of(new CallbackResponse(
                Optional.ofNullable(query.get("code")),
                Optional.ofNullable(query.get("state")),
                Optional.ofNullable(query.get("error")),
                Optional.ofNullable(query.get("error_description"))));
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return uri.getScheme().toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
    }

    private static String normalisedPath(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            // A repeated parameter is a sign of tampering: keep the first, as servers usually do,
            // but never let a second "state" override the first.
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "CallbackResponse[code=" + (code.isPresent() ? "present" : "absent") + ", error=" + error.orElse("none")
                + "]";
    }
}
