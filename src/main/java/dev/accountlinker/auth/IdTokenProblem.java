package dev.accountlinker.auth;

/**
 * Why an ID token was refused, each with a fixed text of the message bundles: what the person reads never repeats
 * the token's content (auth0-java's own messages quote the issuer, audience, nonce or key id they found).
 */
public enum IdTokenProblem {
    /** The tenant sent no ID token. */
    MISSING("signin.idToken.missing"),
    /** Not a JWT that can be read. */
    MALFORMED("signin.idToken.malformed"),
    /** Not RS256, an unknown key id, or a signature that is not the tenant's. */
    SIGNATURE("signin.idToken.signature"),
    /** {@code iss} is not this tenant. */
    ISSUER("signin.idToken.issuer"),
    /** No {@code sub}. */
    SUBJECT("signin.idToken.subject"),
    /** {@code aud} is not (only) this app. */
    AUDIENCE("signin.idToken.audience"),
    /** {@code azp} names another client, or is missing with several audiences. */
    AUTHORIZED_PARTY("signin.idToken.authorizedParty"),
    /** {@code exp} missing or past. */
    EXPIRED("signin.idToken.expired"),
    /** {@code iat} missing or in the future. */
    ISSUED_AT("signin.idToken.issuedAt"),
    /** {@code nonce} missing or of another attempt. */
    NONCE("signin.idToken.nonce"),
    /** {@code auth_time} missing when asked for, too old, or in the future. */
    AUTH_TIME("signin.idToken.authTime"),
    /** Any other check the verifier may add. */
    OTHER("signin.idToken.other");

    private final String messageKey;

    IdTokenProblem(String messageKey) {
        this.messageKey = messageKey;
    }

    /** The reason in the message bundles, a clause that completes {@code signin.error.idToken}. */
    public String messageKey() {
        return messageKey;
    }

    /**
     * The problem auth0-java's {@code IdTokenVerifier} reported, read from the start of its message, which names the
     * claim before it quotes any value; anything not recognised is {@link #OTHER}, never the message itself.
     */
    static IdTokenProblem fromVerifierMessage(String message) {
        String text = message == null ? "" : message;
        if (text.startsWith("ID token is required")) {
            return MISSING;
        }
        if (text.startsWith("ID token could not be decoded")) {
            return MALFORMED;
        }
        if (text.startsWith("Signature algorithm")
                || text.startsWith("Invalid ID token signature")
                || text.startsWith("Could not find a public key")) {
            return SIGNATURE;
        }
        if (text.startsWith("Issuer (iss)")) {
            return ISSUER;
        }
        if (text.startsWith("Subject (sub)")) {
            return SUBJECT;
        }
        if (text.startsWith("Audience (aud)")) {
            return AUDIENCE;
        }
        if (text.startsWith("Authorized Party (azp)")) {
            return AUTHORIZED_PARTY;
        }
        if (text.startsWith("Expiration Time (exp)")) {
            return EXPIRED;
        }
        if (text.startsWith("Issued At (iat)")) {
            return ISSUED_AT;
        }
        if (text.startsWith("Nonce (nonce)")) {
            return NONCE;
        }
        if (text.startsWith("Authentication Time (auth_time)")) {
            return AUTH_TIME;
        }
        return OTHER;
    }
}
