package dev.accountlinker.localtenant;

import com.auth0.client.mgmt.errors.UnauthorizedError;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A key pair handed to the builder (the testers' kit shares one across its tenants) changes nothing else. */
class SigningKeyTest {

    @Test
    void tenantsGivenTheSameKeyPairStillRefuseEachOthersTokensAndRotateToANewKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair shared = generator.generateKeyPair();
        Algorithm sharedAlgorithm =
                Algorithm.RSA256((RSAPublicKey) shared.getPublic(), (RSAPrivateKey) shared.getPrivate());
        try (LocalTenant first = LocalTenant.builder().signingKey(shared).start();
                LocalTenant second = LocalTenant.builder().signingKey(shared).start()) {
            assertSame(shared, first.signingKeyPair());
            assertNotEquals(first.keyId(), second.keyId(), "each tenant names its key itself");

            // A token the second tenant would accept but for the key id: the first tenant's id is refused there.
            String withTheFirstTenantsKeyId = accessTokenFor(second, first.keyId(), sharedAlgorithm);
            assertThrows(
                    UnauthorizedError.class,
                    () -> TenantFlows.managementApi(second, withTheFirstTenantsKeyId)
                            .users()
                            .get("auth0|alice"));
            String withItsOwnKeyId = accessTokenFor(second, second.keyId(), sharedAlgorithm);
            assertEquals(
                    "auth0|alice",
                    TenantFlows.managementApi(second, withItsOwnKeyId)
                            .users()
                            .get("auth0|alice")
                            .getUserId()
                            .orElseThrow());

            second.rotateSigningKey();
            assertNotEquals(
                    ((RSAPublicKey) shared.getPublic()).getModulus(),
                    ((RSAPublicKey) second.signingKeyPair().getPublic()).getModulus(),
                    "a rotation makes a new key pair");
            assertThrows(
                    UnauthorizedError.class,
                    () -> TenantFlows.managementApi(second, withItsOwnKeyId)
                            .users()
                            .get("auth0|alice"));
        }
    }

    private static String accessTokenFor(LocalTenant tenant, String keyId, Algorithm algorithm) {
        return JWT.create()
                .withKeyId(keyId)
                .withIssuer(tenant.issuer())
                .withSubject("auth0|alice")
                .withAudience(tenant.audience())
                .withClaim("scope", "read:current_user")
                .withExpiresAt(Instant.now().plusSeconds(60))
                .sign(algorithm);
    }

    @Test
    void everyShippedDemoOfARunSignsWithTheRunsOneKeyUnderAKeyIdOfItsOwn() {
        try (LocalTenant first = LocalTenant.builder().forShippedDemo().start();
                LocalTenant again = LocalTenant.builder().forShippedDemo().start();
                LocalTenant other = LocalTenant.builder().start()) {
            assertSame(first.signingKeyPair(), again.signingKeyPair(), "a demo started again makes no new key");
            assertNotEquals(first.keyId(), again.keyId(), "so the key id tells the two apart");
            assertNotEquals(
                    ((RSAPublicKey) first.signingKeyPair().getPublic()).getModulus(),
                    ((RSAPublicKey) other.signingKeyPair().getPublic()).getModulus(),
                    "a tenant that is not the shipped demo still makes its own key");
        }
    }
}
