namespace Crm.ServiceDefaults.Auth;

/// <summary>Claim names and token parameters shared by the issuer (Identity) and every validator.</summary>
public static class CrmClaims
{
    public const string Audience = "crm";
    public const string Subject = "sub";
    public const string Email = "email";
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
    public const string Role = "role";
    public const string TokenId = "jti";
    public const string SessionId = "sid";
    public const string IssuedAt = "iat";

    /// <summary>
    /// "true" on the token of a session that may only enrol in two-factor sign-in (an admin requires it and the user
    /// has no authenticator yet); see <see cref="FullSessionRequirement"/>.
    /// </summary>
    public const string MfaEnrolmentRequired = "mfa_enrolment_required";
}
