using System.Security.Claims;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Crm.Identity.Services;

/// <summary>Identity's browser sign-in cookie: who signed in and whether to remember them.</summary>
public static class SignInCookie
{
    public const string Scheme = "Identity.SignIn";

    /// <summary>Every cookie of Identity's starts with this; the gateway forwards those and no others.</summary>
    public const string Name = "crm_signin";

    public const string RememberMeClaim = "crm_remember_me";

    public static ClaimsPrincipal Principal(Guid userId, bool rememberMe) => new(new ClaimsIdentity(
        [new Claim(Claims.Subject, userId.ToString()), new Claim(RememberMeClaim, rememberMe ? "true" : "false")],
        Scheme));
}
