using System.Security.Claims;
using Crm.Identity.Model;
using Crm.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Identity.Services;

/// <summary>
/// Signs short-lived RS256 access tokens carrying who the user is and which login session it belongs to; a session
/// that may only enrol in two-factor sign-in also carries <see cref="CrmClaims.MfaEnrolmentRequired"/>, which every
/// service's authorization refuses outside the enrolment endpoints.
/// </summary>
public sealed class AccessTokenIssuer(SigningKeyStore keys, IOptions<SessionTokenOptions> options)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = true };

    public async Task<(string Token, DateTime ExpiresAt)> IssueAsync(
        User user, Guid sessionId, bool enrolmentRequired, DateTime now, CancellationToken cancellationToken)
    {
        var signingKey = (await keys.GetKeysAsync(cancellationToken))[0];
        var expires = now + options.Value.AccessTokenLifetime;
        List<Claim> claims =
        [
            new Claim(CrmClaims.Subject, user.Id.ToString()),
            new Claim(CrmClaims.Email, user.Email),
            new Claim(CrmClaims.GivenName, user.FirstName),
            new Claim(CrmClaims.FamilyName, user.LastName),
            new Claim(CrmClaims.Role, user.Role),
            new Claim(CrmClaims.TokenId, Guid.NewGuid().ToString("N")),
            new Claim(CrmClaims.SessionId, sessionId.ToString("N")),
        ];
        if (enrolmentRequired)
        {
            claims.Add(new Claim(CrmClaims.MfaEnrolmentRequired, "true"));
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = CrmClaims.Issuer,
            Audience = CrmClaims.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        };
        return (_handler.CreateToken(descriptor), expires);
    }
}
