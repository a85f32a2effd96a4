using OtpNet;

namespace Crm.Identity.Services;

/// <summary>
/// Authenticator-app codes (RFC 6238: SHA-1, 6 digits, 30 s steps) with Otp.NET. Verification answers the time step
/// the code matched, which <see cref="Model.TwoFactorAuthenticator.TryAcceptTimeStep"/> remembers to refuse a reused
/// code; ASP.NET Core Identity's authenticator token provider answers only true or false, so it cannot.
/// </summary>
public static class TotpCodes
{
    public const string Issuer = "CRM";
    public const int Digits = 6;
    public const int StepSeconds = 30;

    /// <summary>160 bits, the length RFC 4226 recommends for HMAC-SHA-1 (32 Base32 characters, no padding).</summary>
    public const int SecretBytes = 20;

    /// <summary>The step before and after now too: phone clocks drift and people type slowly.</summary>
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(SecretBytes));

    /// <summary>Google's Key URI format, which every authenticator app reads: label <c>CRM:&lt;email&gt;</c>, issuer CRM.</summary>
    public static string OtpAuthUri(string email, string secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}"
        + $"?secret={secret}&issuer={Uri.EscapeDataString(Issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}";

    /// <summary>Six ASCII digits; anything else is a malformed field, not a wrong code.</summary>
    public static bool IsWellFormed(string? code) => code is { Length: Digits } && code.All(char.IsAsciiDigit);

    /// <returns>The time step the code belongs to, or null when it matches none in the window around <paramref name="now"/>.</returns>
    public static long? Verify(string base32Secret, string code, DateTime now)
    {
        var totp = new Totp(Base32Encoding.ToBytes(base32Secret), StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now, code, out var step, Window) ? step : null;
    }
}
