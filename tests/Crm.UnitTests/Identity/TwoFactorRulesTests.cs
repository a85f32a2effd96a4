using System.Security.Claims;
using Crm.Identity.Model;
using Crm.Identity.Services;
using Crm.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using OtpNet;
using Shouldly;

namespace Crm.UnitTests.Identity;

public sealed class TwoFactorRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 21, 12, 0, 10, DateTimeKind.Utc);

    private static TwoFactorAuthenticator Enabled(long confirmedStep)
    {
        var factor = TwoFactorAuthenticator.For(Guid.NewGuid(), Now);
        factor.BeginSetup("protected", Now);
        factor.Enable(confirmedStep, Now);
        return factor;
    }

    [Fact]
    public void A_time_step_is_accepted_once_and_never_an_older_one()
    {
        var factor = Enabled(confirmedStep: 100);

        factor.TryAcceptTimeStep(100, Now).ShouldBeFalse(); // the code that confirmed the setup
        factor.TryAcceptTimeStep(99, Now).ShouldBeFalse(); // older, still inside the window
        factor.TryAcceptTimeStep(101, Now).ShouldBeTrue();
        factor.TryAcceptTimeStep(101, Now).ShouldBeFalse(); // the same code again
        factor.LastTimeStep.ShouldBe(101);
    }

    [Fact]
    public void Without_an_accepted_step_any_step_is_fresh()
    {
        TwoFactorAuthenticator.IsFresh(null, 5).ShouldBeTrue();
        TwoFactorAuthenticator.IsFresh(5, 6).ShouldBeTrue();
        TwoFactorAuthenticator.IsFresh(5, 5).ShouldBeFalse();
    }

    [Fact]
    public void Setup_keeps_the_key_pending_until_enabled_and_an_enabled_factor_refuses_a_new_setup()
    {
        var factor = TwoFactorAuthenticator.For(Guid.NewGuid(), Now);
        factor.BeginSetup("first", Now);
        factor.BeginSetup("second", Now);
        factor.IsEnabled.ShouldBeFalse();

        factor.Enable(7, Now);

        factor.IsEnabled.ShouldBeTrue();
        factor.Secret.ShouldBe("second");
        factor.PendingSecret.ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => factor.BeginSetup("third", Now));

        factor.Disable(Now);
        factor.IsEnabled.ShouldBeFalse();
        factor.LastTimeStep.ShouldBeNull();
    }

    [Fact]
    public void A_recovery_code_is_used_once()
    {
        var code = RecoveryCode.Issue(Guid.NewGuid(), "abcde-fghjk", Now);

        code.TryUse(Now).ShouldBeTrue();
        code.TryUse(Now).ShouldBeFalse();
        code.UsedAt.ShouldBe(Now);
    }

    [Fact]
    public void Recovery_codes_are_ten_distinct_readable_codes_matched_however_they_are_typed()
    {
        var codes = RecoveryCodes.New();

        codes.Count.ShouldBe(10);
        codes.Distinct().Count().ShouldBe(10);
        codes.ShouldAllBe(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$"));
        RecoveryCodes.Hash(" K7M2P x9qra ").ShouldBe(RecoveryCodes.Hash("k7m2p-x9qra"));
        RecoveryCodes.Hash("k7m2p-x9qrb").ShouldNotBe(RecoveryCodes.Hash("k7m2p-x9qra"));
    }

    [Fact]
    public void A_code_is_verified_to_its_time_step_within_one_step_either_side()
    {
        var secret = TotpCodes.NewSecret();
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        var step = new DateTimeOffset(Now).ToUnixTimeSeconds() / 30;

        secret.Length.ShouldBe(32);
        TotpCodes.Verify(secret, totp.ComputeTotp(Now), Now).ShouldBe(step);
        TotpCodes.Verify(secret, totp.ComputeTotp(Now.AddSeconds(30)), Now).ShouldBe(step + 1);
        TotpCodes.Verify(secret, totp.ComputeTotp(Now.AddSeconds(-30)), Now).ShouldBe(step - 1);
        TotpCodes.Verify(secret, totp.ComputeTotp(Now.AddSeconds(-90)), Now).ShouldBeNull();
    }

    [Fact]
    public void Only_six_digits_are_a_code()
    {
        TotpCodes.IsWellFormed("123456").ShouldBeTrue();
        TotpCodes.IsWellFormed("12345").ShouldBeFalse();
        TotpCodes.IsWellFormed("12345a").ShouldBeFalse();
        TotpCodes.IsWellFormed("١٢٣٤٥٦").ShouldBeFalse(); // Arabic-Indic digits are digits, not ASCII ones
    }

    [Fact]
    public void The_otpauth_uri_names_the_issuer_and_the_account()
    {
        TotpCodes.OtpAuthUri("ann@agency.com", "JBSWY3DPEHPK3PXP")
            .ShouldBe("otpauth://totp/CRM:ann%40agency.com?secret=JBSWY3DPEHPK3PXP&issuer=CRM&algorithm=SHA1&digits=6&period=30");
    }

    [Fact]
    public void The_qr_code_is_an_svg_document()
    {
        var svg = QrCodes.Svg("otpauth://totp/CRM:ann%40agency.com?secret=JBSWY3DPEHPK3PXP&issuer=CRM");

        svg.ShouldStartWith("<svg");
        svg.ShouldContain("viewBox");
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    public async Task A_session_limited_to_enrolment_is_refused_outside_the_enrolment_endpoints(bool enrolmentSession, bool endpointAllows, bool allowed)
    {
        Claim[] claims = enrolmentSession ? [new Claim(CrmClaims.Subject, "x"), new Claim(CrmClaims.MfaEnrolmentRequired, "true")] : [new Claim(CrmClaims.Subject, "x")];
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test")) };
        http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, endpointAllows ? new EndpointMetadataCollection(new AllowDuringTwoFactorEnrolmentAttribute()) : EndpointMetadataCollection.Empty, "test"));
        var requirement = new FullSessionRequirement();
        var context = new AuthorizationHandlerContext([requirement], http.User, http);

        await requirement.HandleAsync(context);

        context.HasSucceeded.ShouldBe(allowed);
    }
}
