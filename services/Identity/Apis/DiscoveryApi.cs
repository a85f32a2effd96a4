using Crm.Identity.Services;
using Crm.ServiceDefaults.Auth;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Identity.Apis;

/// <summary>The OpenID discovery document and JWKS every service validates tokens against.</summary>
public static class DiscoveryApi
{
    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/openid-configuration", (HttpRequest request) =>
        {
            var baseUrl = $"{request.Scheme}://{request.Host}";
            return TypedResults.Json(new Dictionary<string, object>
            {
                ["issuer"] = CrmClaims.Issuer,
                ["jwks_uri"] = $"{baseUrl}/.well-known/jwks.json",
                ["token_endpoint"] = $"{baseUrl}/api/v1/auth/login",
                ["response_types_supported"] = new[] { "token" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
            });
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/.well-known/jwks.json", async (SigningKeyStore keys, CancellationToken cancellationToken) =>
        {
            var jwks = (await keys.GetKeysAsync(cancellationToken)).Select(k =>
            {
                var parameters = k.Rsa.ExportParameters(includePrivateParameters: false);
                return new Dictionary<string, string>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["alg"] = SecurityAlgorithms.RsaSha256,
                    ["kid"] = k.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                };
            });
            return TypedResults.Json(new { keys = jwks });
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
