using Crm.Identity.Model;
using Crm.Identity.Services;
using Crm.ServiceDefaults.Http;

namespace Crm.Identity.Apis;

/// <summary>How the code fields are read and checked for shape, the same at sign-in and on the mfa endpoints.</summary>
public static class TwoFactorInput
{
    public const string MalformedCode = "Enter the 6-digit code from your authenticator app.";

    /// <summary>Apps show "123 456": spaces are dropped. Blank is absent.</summary>
    public static string? Code(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new string(value.Where(c => !char.IsWhiteSpace(c)).ToArray());

    public static string? RecoveryCode(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static ValidationErrors CheckSecondFactor(ValidationErrors errors, string? code, string? recoveryCode, string codeField)
    {
        if (code is not null && !TotpCodes.IsWellFormed(code))
        {
            errors.Add(codeField, MalformedCode);
        }

        if (recoveryCode is not null && (recoveryCode.Length > RecoveryCodes.MaxInputLength || RecoveryCodes.Normalize(recoveryCode).Length == 0))
        {
            errors.Add("recovery_code", "This is not a recovery code.");
        }

        if (code is not null && recoveryCode is not null)
        {
            errors.Add("recovery_code", $"Send either {codeField} or recovery_code, not both.");
        }

        return errors;
    }
}
