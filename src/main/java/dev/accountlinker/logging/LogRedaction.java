package dev.accountlinker.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last guard between a log record and the file: whatever looks like a token, a code or a password is replaced
 * by {@value #REDACTED} before it is written, wherever it sits (message, exception message, stack trace). The app
 * never logs these on purpose; this catches the ones that slip in, e.g. inside a URL or a response body in an
 * exception's message.
 */
public final class LogRedaction {
    public static final String REDACTED = "[redacted]";

    /** Values named by these keys are secrets wherever they appear: query strings, form bodies, JSON, headers. */
    private static final String SECRET_NAMES = "code_verifier|access_token|id_token|refresh_token|link_with"
            + "|client_secret|client_assertion|subject_token|password|passwd|new_password";

    private static final List<Rule> RULES = List.of(
            // A JWT (three parts) or JWE (five): every one starts with a base64url "{" header, eyJ.
            new Rule(Pattern.compile("eyJ[A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]*){1,4}"), REDACTED),
            // Authorization: Bearer …, Basic …, or a bare value; as a header line or as a map entry.
            new Rule(
                    Pattern.compile(
                            "(?i)(\\bauthorization\"?\\s*[:=]\\s*\"?)(?:(?:bearer|basic|dpop)\\s+)?[^\\s\",;]+"),
                    "$1" + REDACTED),
            // JSON: "access_token": "…", "code": "…" (the authorization code in a callback or token request).
            new Rule(
                    Pattern.compile("(?i)(\"(?:" + SECRET_NAMES + "|code)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*\""),
                    "$1" + REDACTED + "\""),
            // Query strings and forms: code=…, code_verifier=…, password=…; also "password: …" in plain text.
            new Rule(Pattern.compile("(?i)(\\b(?:" + SECRET_NAMES + "|code)=)[^&\\s\"'<>,;)]+"), "$1" + REDACTED),
            new Rule(Pattern.compile("(?i)(\\b(?:" + SECRET_NAMES + ")\\s*:\\s*)[^\\s\",;]+"), "$1" + REDACTED));

    private LogRedaction() {}

    /** {@code text} with every secret-looking value replaced; text without any comes back unchanged. */
    public static String redact(String text) {
        String result = text;
        for (Rule rule : RULES) {
            result = rule.apply(result);
        }
        return result;
    }

    private record Rule(Pattern pattern, String replacement) {
        String apply(String text) {
            Matcher matcher = pattern.matcher(text);
            return matcher.find() ? matcher.replaceAll(replacement) : text;
        }
    }
}
