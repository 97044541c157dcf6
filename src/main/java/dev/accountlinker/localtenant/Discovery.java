package dev.accountlinker.localtenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenID Connect discovery document, GET /.well-known/openid-configuration, as far as this tenant goes. */
final class Discovery {

    private Discovery() {}

    static Map<String, Object> document(TenantConfig config) {
        String base = config.baseUrl();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", config.issuer());
        d.put("authorization_endpoint", base + "/authorize");
        d.put("token_endpoint", base + "/oauth/token");
        d.put("userinfo_endpoint", config.userinfoUrl());
        d.put("jwks_uri", base + "/.well-known/jwks.json");
        d.put("end_session_endpoint", base + "/v2/logout");
        d.put("scopes_supported", TenantConfig.KNOWN_SCOPES);
        d.put("response_types_supported", List.of("code"));
        d.put("response_modes_supported", List.of("query"));
        d.put("grant_types_supported", List.of("authorization_code"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("token_endpoint_auth_methods_supported", List.of("none"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put(
                "claims_supported",
                List.of(
                        "aud",
                        "auth_time",
                        "email",
                        "email_verified",
                        "exp",
                        "iat",
                        "iss",
                        "name",
                        "nickname",
                        "nonce",
                        "picture",
                        "sub",
                        "updated_at"));
        return d;
    }
}
