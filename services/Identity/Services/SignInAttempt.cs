namespace Crm.Identity.Services;

/// <summary>What a person typed at sign-in: already checked for presence and shape by the endpoint.</summary>
public sealed record SignInAttempt(string Email, string Password, string? Otp, string? RecoveryCode);
