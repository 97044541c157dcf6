package dev.accountlinker.bench.jmh;

import com.auth0.jwk.Jwk;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.accountlinker.auth.IdTokenClaims;
import dev.accountlinker.auth.IdTokenValidator;
import dev.accountlinker.linking.MetadataMerge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The pure parts of linking: the metadata merge and ID token validation with the signing key already cached. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class PureBenchmarks {
    private Map<String, Object> main;
    private Map<String, Object> second;
    private IdTokenValidator validator;
    private String idToken;

    @Setup
    public void setUp() throws Exception {
        // The demo accounts' metadata: alice (main) and alice.g (google), with conflicts, additions and a nested
        // object.
        main = new LinkedHashMap<>(Map.of(
                "theme",
                "dark",
                "language",
                "en",
                "address",
                new LinkedHashMap<>(Map.of("city", "Lisbon", "country", "PT"))));
        second = new LinkedHashMap<>(Map.of(
                "language",
                "pt",
                "newsletter",
                true,
                "address",
                new LinkedHashMap<>(Map.of("city", "Porto", "zip", "4000-001"))));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", "bench-key");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", b64.encodeToString(unsigned(publicKey.getModulus().toByteArray())));
        jwk.put("e", b64.encodeToString(unsigned(publicKey.getPublicExponent().toByteArray())));
        Jwk cached = Jwk.fromValues(jwk);
        String issuer = "https://bench.example.com/";
        validator = new IdTokenValidator(issuer, "bench-client", kid -> cached, Clock.systemUTC());
        Instant now = Instant.now();
        idToken = JWT.create()
                .withKeyId("bench-key")
                .withIssuer(issuer)
                .withAudience("bench-client")
                .withSubject("google-oauth2|109876543210987654321")
                .withIssuedAt(Date.from(now))
                .withExpiresAt(Date.from(now.plusSeconds(36000)))
                .withClaim("nonce", "n-0S6_WzA2Mj")
                .withClaim("auth_time", Date.from(now))
                .withClaim("email", "alice.g@example.com")
                .withClaim("email_verified", true)
                .withClaim("name", "Alice G")
                .sign(Algorithm.RSA256(publicKey, (RSAPrivateKey) keys.getPrivate()));
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    @Benchmark
    public MetadataMerge.Result metadataMerge() {
        return MetadataMerge.merge(main, second);
    }

    @Benchmark
    public IdTokenClaims idTokenValidationCachedKey() throws Exception {
        return validator.validate(idToken, "n-0S6_WzA2Mj", Optional.empty());
    }
}
