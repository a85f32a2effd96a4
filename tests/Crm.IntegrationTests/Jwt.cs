using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Crm.IntegrationTests;

/// <summary>Reads a JWT's claims (no validation: the services do that; tests look at what was issued).</summary>
public static class Jwt
{
    public static JsonNode Payload(string token) =>
        JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[1])) ?? throw new FormatException("The token has no payload.");
}
