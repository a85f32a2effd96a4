using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Crm.Identity.Apis;
using Crm.Identity.Extensions;
using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Http;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Crm.Identity.Services;

/// <summary>
/// What the token endpoint grants, once OpenIddict has authenticated the client and validated the request:
/// who the token is about, which claims go in it, and which session (OpenIddict authorization) it belongs to.
/// </summary>
public sealed class TokenGrants(
    IdentityDbContext db,
    SignInCheck signIn,
    TwoFactorRequirement twoFactor,
    IOpenIddictAuthorizationManager authorizations,
    IOptions<SessionTokenOptions> lifetimes)
{
    /// <summary>Answer parameter: the signed-in user, as <c>POST /auth/login</c> returns it.</summary>
    public const string UserParameter = "user";

    /// <summary>Answer parameter: seconds the refresh token lives (a "remember me" cookie follows it).</summary>
    public const string RefreshLifetimeParameter = "refresh_token_expires_in";

    /// <summary>Request and answer parameter: keep the session for <see cref="SessionTokenOptions.RememberMeLifetime"/>.</summary>
    public const string RememberMeParameter = "remember_me";

    /// <summary>Request parameters of the password grant with two-factor sign-in on (API.md's login fields).</summary>
    public const string OtpParameter = "otp";
    public const string RecoveryCodeParameter = "recovery_code";

    /// <summary>Error answer parameters: the password was right and a second factor is needed; per-field errors.</summary>
    public const string MfaRequiredParameter = "mfa_required";
    public const string ErrorsParameter = "errors";

    private const string RememberMeClaim = SignInCookie.RememberMeClaim;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<IResult> PasswordAsync(OpenIddictRequest request, CancellationToken cancellationToken)
    {
        if (request.ClientId != TokenServerExtensions.GatewayClientId)
        {
            return Refuse(Errors.UnauthorizedClient, "This client may not use the password grant.");
        }

        var otp = TwoFactorInput.Code((string?)request[OtpParameter]);
        var recoveryCode = TwoFactorInput.RecoveryCode((string?)request[RecoveryCodeParameter]);
        var errors = TwoFactorInput.CheckSecondFactor(new ValidationErrors(), otp, recoveryCode, codeField: OtpParameter);
        if (errors.HasErrors)
        {
            return Refuse(Errors.InvalidRequest, "The second factor is malformed.", (ErrorsParameter, JsonSerializer.SerializeToElement(errors.ToDictionary())));
        }

        var now = DbClock.UtcNow;
        var result = await signIn.CheckAsync(new SignInAttempt(request.Username ?? "", request.Password ?? "", otp, recoveryCode), now, cancellationToken);
        switch (result.Status)
        {
            case SignInStatus.TwoFactorRequired:
                return Refuse(Errors.InvalidGrant, AuthApi.SecondFactorNeeded, (MfaRequiredParameter, true));
            case SignInStatus.InvalidSecondFactor:
                return Refuse(Errors.InvalidGrant, AuthApi.SecondFactorRefused, (MfaRequiredParameter, true));
            case SignInStatus.InvalidCredentials:
                return Refuse(Errors.InvalidGrant, AuthApi.InvalidLogin);
        }

        var user = result.User!;
        // The sign-in's bookkeeping (lockout count reset, last login, a re-hashed password) commits now.
        await db.SaveChangesAsync(cancellationToken);
        var rememberMe = IsTrue(request[RememberMeParameter]);
        var principal = UserPrincipal(user, rememberMe, enrolmentRequired: result.Status == SignInStatus.EnrolmentRequired);
        principal.SetScopes(Scopes.OpenId, Scopes.OfflineAccess);
        var authorization = await authorizations.CreateAsync(
            principal, user.Id.ToString(), request.ClientId, AuthorizationTypes.AdHoc, principal.GetScopes(), cancellationToken);
        var session = await authorizations.GetIdAsync(authorization, cancellationToken)
            ?? throw new InvalidOperationException("OpenIddict created an authorization without an id.");
        return SignIn(principal, session, user, rememberMe);
    }

    /// <summary>
    /// <c>/connect/authorize</c>: a browser that signed in on Identity's page (its cookie) gets a code for the gateway;
    /// one that has not is sent to the page first. The code stands for a new session (an OpenIddict authorization).
    /// </summary>
    public async Task<IResult> AuthorizeAsync(HttpContext http, OpenIddictRequest request, CancellationToken cancellationToken)
    {
        var signedIn = await http.AuthenticateAsync(SignInCookie.Scheme);
        var user = signedIn.Succeeded && Guid.TryParse(signedIn.Principal.GetClaim(Claims.Subject), out var userId)
            ? await db.Users.FindAsync([userId], cancellationToken)
            : null;
        if (user is not { IsActive: true } || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The user is not signed in.");
            }

            // To the sign-in page, and back to this very request afterwards.
            await http.SignOutAsync(SignInCookie.Scheme);
            var parameters = request.GetParameters()
                .Where(p => p.Key != Parameters.Prompt)
                .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value));
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters) },
                [SignInCookie.Scheme]);
        }

        var rememberMe = signedIn.Principal!.GetClaim(SignInCookie.RememberMeClaim) == "true";
        var enrolmentRequired = await twoFactor.IsEnrolmentRequiredAsync(user.Id, cancellationToken);
        var principal = UserPrincipal(user, rememberMe, enrolmentRequired);
        principal.SetScopes(request.GetScopes().Intersect([Scopes.OpenId, Scopes.OfflineAccess]));
        var authorization = await authorizations.CreateAsync(
            principal, user.Id.ToString(), request.ClientId!, AuthorizationTypes.AdHoc, principal.GetScopes(), cancellationToken);
        var session = await authorizations.GetIdAsync(authorization, cancellationToken)
            ?? throw new InvalidOperationException("OpenIddict created an authorization without an id.");
        Bind(principal, session);
        // The code goes in the redirect's query string: nothing else may ride along (the user's details come with the tokens).
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The refresh token and authorization code grants: a new token for the session the grant belongs to.</summary>
    public async Task<IResult> RedeemAsync(HttpContext http, CancellationToken cancellationToken)
    {
        // OpenIddict has already refused an expired, revoked or replayed token, a wrong PKCE verifier or redirect URI.
        var presented = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var session = presented?.GetAuthorizationId();
        if (presented is null || session is null || !Guid.TryParse(presented.GetClaim(Claims.Subject), out var userId))
        {
            return Refuse(Errors.InvalidGrant, "The session has ended. Log in again.");
        }

        var user = await db.Users.FindAsync([userId], cancellationToken);
        if (user is not { IsActive: true })
        {
            return Refuse(Errors.InvalidGrant, "The session has ended. Log in again.");
        }

        // Fresh claims: a role or name changed since the last token shows in the next one. Two-factor is asked again
        // too: a session started before an admin required it becomes limited to enrolment within one access token's
        // lifetime, and one whose user has since enrolled becomes a full one.
        var rememberMe = presented.GetClaim(RememberMeClaim) == "true";
        var enrolmentRequired = await twoFactor.IsEnrolmentRequiredAsync(user.Id, cancellationToken);
        var principal = UserPrincipal(user, rememberMe, enrolmentRequired);
        principal.SetScopes(presented.GetScopes());
        return SignIn(principal, session, user, rememberMe);
    }

    /// <summary>An API client acting as itself, with the role it was given; no refresh token, it asks again.</summary>
    public async Task<IResult> ClientCredentialsAsync(OpenIddictRequest request, CancellationToken cancellationToken)
    {
        var client = await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == request.ClientId, cancellationToken);
        if (client is not { IsActive: true })
        {
            return Refuse(Errors.InvalidClient, "The client is disabled.");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Subject, Claims.Role);
        identity.SetClaim(Claims.Subject, client.Id.ToString())
            .SetClaim(Claims.Email, client.TokenEmail)
            .SetClaim(Claims.GivenName, client.Name)
            .SetClaim(Claims.FamilyName, ApiClientFamilyName)
            .SetClaim(Claims.Role, client.Role)
            // Revocation is by subject (disable, role change); the session claim names the client.
            .SetClaim(CrmClaims.SessionId, "client-" + client.Id.ToString("N"));
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        var principal = new ClaimsPrincipal(identity);
        principal.SetResources(CrmClaims.Audience);
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>What audit fields show after the client's name ("Zapier sync (API client)").</summary>
    public const string ApiClientFamilyName = "(API client)";

    private ClaimsPrincipal UserPrincipal(User user, bool rememberMe, bool enrolmentRequired)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Subject, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.GivenName, user.FirstName)
            .SetClaim(Claims.FamilyName, user.LastName)
            .SetClaim(Claims.Role, user.Role)
            .SetClaim(RememberMeClaim, rememberMe ? "true" : "false");
        if (enrolmentRequired)
        {
            // Every service refuses this session outside the two-factor enrolment endpoints (FullSessionRequirement).
            identity.SetClaim(CrmClaims.MfaEnrolmentRequired, "true");
        }

        var principal = new ClaimsPrincipal(identity);
        principal.SetResources(CrmClaims.Audience);
        principal.SetRefreshTokenLifetime(rememberMe ? lifetimes.Value.RememberMeLifetime : lifetimes.Value.RefreshTokenLifetime);
        return principal;
    }

    private IResult SignIn(ClaimsPrincipal principal, string session, User user, bool rememberMe)
    {
        Bind(principal, session);
        var properties = new AuthenticationProperties();
        properties.Parameters[UserParameter] = JsonSerializer.SerializeToElement(UserSummary.From(user), Json);
        properties.Parameters[RememberMeParameter] = rememberMe;
        // The session may only enrol in two-factor sign-in (the web app goes straight to enrolment).
        properties.Parameters[CrmClaims.MfaEnrolmentRequired] = principal.HasClaim(c => c.Type == CrmClaims.MfaEnrolmentRequired);
        properties.Parameters[RefreshLifetimeParameter] =
            (long)(rememberMe ? lifetimes.Value.RememberMeLifetime : lifetimes.Value.RefreshTokenLifetime).TotalSeconds;
        return Results.SignIn(principal, properties, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Ties the tokens to their session, and says which claims go where.</summary>
    private static void Bind(ClaimsPrincipal principal, string session)
    {
        principal.SetAuthorizationId(session);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.SetClaim(CrmClaims.SessionId, session);
        // The remember-me flag rides in the code and refresh token only; everything else is for the resource servers too.
        identity.SetDestinations(claim => claim.Type switch
        {
            RememberMeClaim => [],
            Claims.Subject or Claims.Email or Claims.GivenName or Claims.FamilyName => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
    }

    /// <param name="parameters">Extra fields of the error answer (the gateway reads <c>mfa_required</c> and <c>errors</c>).</param>
    public static IResult Refuse(string error, string description, params (string Name, object Value)[] parameters)
    {
        var properties = new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        });
        foreach (var (name, value) in parameters)
        {
            properties.Parameters[name] = value;
        }

        return Results.Forbid(properties, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static bool IsTrue(OpenIddictParameter? value) =>
        value is { } v && (bool.TryParse((string?)v, out var flag) ? flag : string.Equals((string?)v, "1", StringComparison.Ordinal));
}
