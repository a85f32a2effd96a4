using System.Net;
using System.Text.Json.Nodes;
using Crm.Testing;
using OtpNet;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>A test user with an authenticator app: its key, the recovery codes, and codes computed as the app would.</summary>
public sealed record TwoFactorUser(TestUser User, string Secret, string[] RecoveryCodes)
{
    /// <summary>The app's code for the step after now: later than the step that confirmed the setup, inside the server's window.</summary>
    public string NextCode() => Code(DateTime.UtcNow.AddSeconds(30));

    public string Code(DateTime at) => new Totp(Base32Encoding.ToBytes(Secret)).ComputeTotp(at);
}

public static class TwoFactor
{
    /// <summary>A new user (see <see cref="TestUsers"/>) who set up an authenticator and turned two-factor sign-in on.</summary>
    public static async Task<TwoFactorUser> EnrolledUserAsync(CrmFixture fixture)
    {
        var user = await TestUsers.CreateAsync(fixture);
        var client = fixture.CreateClient().WithBearer(user.Token);
        var secret = await SetUpAsync(client);
        var enabled = await client.PostJsonAsync("/api/v1/auth/mfa/enable", new { code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow) });
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK, await enabled.Content.ReadAsStringAsync());
        var codes = (await enabled.ReadJsonAsync())["recovery_codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
        return new TwoFactorUser(user, secret, codes);
    }

    /// <returns>The new key (Base32) from <c>POST /auth/mfa/setup</c>.</returns>
    public static async Task<string> SetUpAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/v1/auth/mfa/setup", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).Str("secret");
    }

    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password, string? otp = null, string? recoveryCode = null) =>
        client.PostJsonAsync("/api/v1/auth/login", new JsonObject
        {
            ["email"] = email,
            ["password"] = password,
            ["otp"] = otp,
            ["recovery_code"] = recoveryCode,
        });

    /// <summary>A six-digit code that is none of the three the server accepts around now.</summary>
    public static string WrongCode(string secret)
    {
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        var now = DateTime.UtcNow;
        var accepted = new[] { -30, 0, 30, 60 }.Select(s => totp.ComputeTotp(now.AddSeconds(s))).ToHashSet();
        var candidate = 0;
        while (accepted.Contains(candidate.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)))
        {
            candidate++;
        }

        return candidate.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
