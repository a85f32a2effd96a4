using System.Text.Json.Serialization;

namespace Crm.Identity.Apis;

/// <summary><c>GET /auth/mfa</c>: where the caller stands.</summary>
public sealed record TwoFactorStatusResponse(bool Enabled, DateTime? EnabledAt, int RecoveryCodesLeft, bool RequiredForEveryone);

/// <summary>
/// <c>POST /auth/mfa/setup</c>: the key to add to an authenticator app (not in force until confirmed), as text for
/// typing in, as an <c>otpauth://</c> URI, and as that URI's QR code (an SVG document).
/// </summary>
public sealed record TwoFactorSetupResponse(string Secret, string OtpauthUri, string QrSvg);

public sealed record EnableTwoFactorRequest(string? Code);

public sealed record DisableTwoFactorRequest(string? Code, string? RecoveryCode);

/// <summary>
/// <c>POST /auth/mfa/enable</c>: the ten recovery codes, shown once. <c>session_upgraded</c>: the caller's session was
/// limited to enrolment and is a full one from its next token (the gateway renews a browser session's at once).
/// </summary>
public sealed record EnableTwoFactorResponse(IReadOnlyList<string> RecoveryCodes, bool SessionUpgraded);

public sealed record SecuritySettingsResponse(bool RequireTwoFactor, int Version, DateTime UpdatedAt, Guid? UpdatedBy);

public sealed record UpdateSecuritySettingsRequest(bool? RequireTwoFactor, int? Version);
