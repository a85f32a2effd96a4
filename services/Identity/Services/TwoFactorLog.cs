namespace Crm.Identity.Services;

/// <summary>
/// The security trail of two-factor sign-in: structured log records (with the user's id, never a code or secret) that
/// the dashboard and the OTLP log pipeline keep, as every other security event in Identity.
/// </summary>
public static partial class TwoFactorLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Two-factor sign-in enabled for user {UserId}")]
    public static partial void Enabled(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Two-factor sign-in disabled for user {UserId} (with a recovery code: {WithRecoveryCode})")]
    public static partial void Disabled(ILogger logger, Guid userId, bool withRecoveryCode);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Recovery code used by user {UserId} to {Purpose}; {Remaining} left")]
    public static partial void RecoveryCodeUsed(ILogger logger, Guid userId, string purpose, int remaining);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Wrong or reused second factor for user {UserId}")]
    public static partial void SecondFactorRefused(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Two-factor sign-in reset for user {UserId} by admin {AdminId}")]
    public static partial void Reset(ILogger logger, Guid userId, Guid adminId);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Two-factor sign-in required for every user: {Required} (by {AdminId})")]
    public static partial void RequirementChanged(ILogger logger, bool required, Guid adminId);
}
