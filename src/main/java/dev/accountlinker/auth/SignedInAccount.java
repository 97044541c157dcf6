package dev.accountlinker.auth;

/** An account whose sign-in completed: validated claims plus its in-memory tokens. */
public record SignedInAccount(IdTokenClaims claims, Tokens tokens) {
    @Override
    public String toString() {
        return "SignedInAccount[" + claims.subject() + "]";
    }
}
