package dev.accountlinker.localtenant;

/**
 * One request the tenant answered (or refused to answer because of a fault).
 *
 * @param method  HTTP method
 * @param path    decoded path, e.g. {@code /api/v2/users/auth0|alice/identities}
 * @param rawPath path as it arrived on the wire, e.g. {@code /api/v2/users/auth0%7Calice/identities}
 * @param query   decoded query string with token-like values (code, verifier, tokens, passwords...) redacted; "" if none
 * @param status  response status, or -1 when the connection was closed without an answer
 * @param fault   description of the injected fault that answered it, or null for a normal answer
 * @param clientPort the port of the connection the request came on, at the client's end (a test proves with it
 *                   that a request came through its proxy); -1 when not known
 */
public record RecordedRequest(
        String method, String path, String rawPath, String query, int status, String fault, int clientPort) {

    public RecordedRequest(String method, String path, String rawPath, String query, int status, String fault) {
        this(method, path, rawPath, query, status, fault, -1);
    }

    public boolean faulted() {
        return fault != null;
    }
}
