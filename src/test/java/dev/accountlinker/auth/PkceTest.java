package dev.accountlinker.auth;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PkceTest {
    @Test
    void s256ChallengeMatchesRfc7636AppendixB() {
        assertEquals(
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Pkce.challengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void generatedVerifiersAreUnreservedFortyThreeCharactersAndUnique() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Pkce pkce = Pkce.generate(random);
            assertEquals(43, pkce.verifier().length());
            assertTrue(pkce.verifier().matches("[A-Za-z0-9._~-]+"), "RFC 7636 unreserved characters only");
            assertEquals(Pkce.challengeFor(pkce.verifier()), pkce.challenge());
            assertTrue(seen.add(pkce.verifier()));
        }
    }

    @Test
    void toStringRevealsNoSecret() {
        Pkce pkce = Pkce.generate(new SecureRandom());
        assertFalse(pkce.toString().contains(pkce.verifier()));
        assertFalse(pkce.toString().contains(pkce.challenge()));
    }
}
