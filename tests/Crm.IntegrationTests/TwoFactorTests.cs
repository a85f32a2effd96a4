using System.Net;
using Crm.IntegrationTests.Mail;
using Crm.Testing;
using OtpNet;
using Shouldly;

namespace Crm.IntegrationTests;

/// <summary>Two-factor sign-in with an authenticator app (TOTP), through the gateway as a client would.</summary>
public sealed class TwoFactorTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    [Fact]
    public async Task An_admin_resets_a_lost_authenticator_the_user_signs_in_with_the_password_and_hears_of_it()
    {
        var enrolled = await TwoFactor.EnrolledUserAsync(fixture);
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        var theirs = fixture.CreateClient().WithBearer(enrolled.User.Token);
        (await theirs.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var reset = await admin.PostAsync($"/api/v1/admin/users/{enrolled.User.Id}/reset-two-factor", null);

        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await theirs.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var login = await TwoFactor.LoginAsync(fixture.CreateClient(), enrolled.User.Email, enrolled.User.Password);
        login.StatusCode.ShouldBe(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        await fixture.WaitForMailAsync(enrolled.User.Email, "Security notice: An administrator turned off two-factor sign-in for your account");
        var again = await admin.PostAsync($"/api/v1/admin/users/{enrolled.User.Id}/reset-two-factor", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var user = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        (await user.PostAsync($"/api/v1/admin/users/{enrolled.User.Id}/reset-two-factor", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Enrolment_answers_a_key_refuses_a_wrong_code_and_gives_ten_recovery_codes_for_the_right_one()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var client = fixture.CreateClient().WithBearer(user.Token);

        var setup = await client.PostAsync("/api/v1/auth/mfa/setup", null);
        setup.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = await setup.ReadJsonAsync();
        var secret = answer.Str("secret");
        secret.ShouldMatch("^[A-Z2-7]{32}$"); // 160 bits, Base32
        answer.Str("otpauth_uri").ShouldBe($"otpauth://totp/CRM:{Uri.EscapeDataString(user.Email)}?secret={secret}&issuer=CRM&algorithm=SHA1&digits=6&period=30");
        answer.Str("qr_svg").ShouldStartWith("<svg");
        (await (await client.GetAsync("/api/v1/auth/mfa")).ReadJsonAsync())["enabled"]!.GetValue<bool>().ShouldBeFalse();

        var wrong = await client.PostJsonAsync("/api/v1/auth/mfa/enable", new { code = TwoFactor.WrongCode(secret) });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.ReadJsonAsync()).ErrorsFor("code").ShouldNotBeEmpty();

        var right = await client.PostJsonAsync("/api/v1/auth/mfa/enable", new { code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow) });
        right.StatusCode.ShouldBe(HttpStatusCode.OK, await right.Content.ReadAsStringAsync());
        var enabled = await right.ReadJsonAsync();
        var codes = enabled["recovery_codes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        codes.Count.ShouldBe(10);
        codes.Distinct().Count().ShouldBe(10);
        enabled["session_upgraded"]!.GetValue<bool>().ShouldBeFalse();
        enabled["token"].ShouldBeNull();

        var status = await (await client.GetAsync("/api/v1/auth/mfa")).ReadJsonAsync();
        status["enabled"]!.GetValue<bool>().ShouldBeTrue();
        status.Int("recovery_codes_left").ShouldBe(10);
        (await (await client.GetAsync("/api/v1/auth/me")).ReadJsonAsync())["two_factor_enabled"]!.GetValue<bool>().ShouldBeTrue();
        // Re-keying needs turning it off first (with a code), not only a session.
        (await client.PostAsync("/api/v1/auth/mfa/setup", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // The recovery codes are stored hashed, never as issued.
        (await fixture.ScalarAsync<long>("identitydb", "SELECT count(*) FROM two_factor_recovery_codes WHERE user_id = @id", new { id = user.Id })).ShouldBe(10);
        (await fixture.ScalarAsync<long>("identitydb", "SELECT count(*) FROM two_factor_recovery_codes WHERE user_id = @id AND code_hash = ANY(@codes)", new { id = user.Id, codes = codes.ToArray() })).ShouldBe(0);
        // The key is stored encrypted (Data Protection), not as the Base32 text.
        (await fixture.ScalarAsync<long>("identitydb", "SELECT count(*) FROM user_two_factor WHERE user_id = @id AND position(@secret in secret) = 0", new { id = user.Id, secret })).ShouldBe(1);
    }

    [Fact]
    public async Task Login_asks_for_the_code_only_after_the_right_password()
    {
        var enrolled = await TwoFactor.EnrolledUserAsync(fixture);
        var client = fixture.CreateClient();

        var noCode = await TwoFactor.LoginAsync(client, enrolled.User.Email, enrolled.User.Password);
        noCode.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await noCode.ReadJsonAsync())["mfa_required"]!.GetValue<bool>().ShouldBeTrue();

        foreach (var code in new string?[] { null, enrolled.NextCode() })
        {
            var wrongPassword = await TwoFactor.LoginAsync(client, enrolled.User.Email, "Wrong12345", otp: code);
            wrongPassword.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            var problem = await wrongPassword.ReadJsonAsync();
            problem.Str("detail").ShouldBe("Invalid email or password.");
            problem["mfa_required"].ShouldBeNull();
        }
    }

    [Fact]
    public async Task A_good_code_signs_in_once_and_a_reused_wrong_or_expired_one_is_refused()
    {
        var enrolled = await TwoFactor.EnrolledUserAsync(fixture);
        var client = fixture.CreateClient();
        var code = enrolled.NextCode();

        var good = await TwoFactor.LoginAsync(client, enrolled.User.Email, enrolled.User.Password, otp: code);
        good.StatusCode.ShouldBe(HttpStatusCode.OK, await good.Content.ReadAsStringAsync());
        var token = (await good.ReadJsonAsync()).Str("token");
        (await fixture.CreateClient().WithBearer(token).GetAsync("/api/v1/accounts")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var reused = await TwoFactor.LoginAsync(client, enrolled.User.Email, enrolled.User.Password, otp: code);
        reused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await reused.ReadJsonAsync())["mfa_required"]!.GetValue<bool>().ShouldBeTrue();

        var wrong = await TwoFactor.LoginAsync(client, enrolled.User.Email, enrolled.User.Password, otp: TwoFactor.WrongCode(enrolled.Secret));
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var expired = await TwoFactor.LoginAsync(client, enrolled.User.Email, enrolled.User.Password, otp: enrolled.Code(DateTime.UtcNow.AddMinutes(-3)));
        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var enrolled = await TwoFactor.EnrolledUserAsync(fixture);
        var client = fixture.CreateClient();
        var recovery = enrolled.RecoveryCodes[3];

        // Typed as people type it off paper: upper case, a space instead of the dash.
        var first = await TwoFactor.LoginAsync(client, enrolled.User.Email, enrolled.User.Password, recoveryCode: recovery.ToUpperInvariant().Replace('-', ' '));
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());

        var again = await TwoFactor.LoginAsync(client, enrolled.User.Email, enrolled.User.Password, recoveryCode: recovery);
        again.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var status = await (await fixture.CreateClient().WithBearer(enrolled.User.Token).GetAsync("/api/v1/auth/mfa")).ReadJsonAsync();
        status.Int("recovery_codes_left").ShouldBe(9);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout()
    {
        var enrolled = await TwoFactor.EnrolledUserAsync(fixture);
        // Through the gateway: the tests' login limit per account (30 a minute) leaves room for the lockout to show.
        var identity = fixture.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            (await TwoFactor.LoginAsync(identity, enrolled.User.Email, enrolled.User.Password, otp: TwoFactor.WrongCode(enrolled.Secret))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var locked = await TwoFactor.LoginAsync(identity, enrolled.User.Email, enrolled.User.Password, otp: enrolled.NextCode());

        locked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var problem = await locked.ReadJsonAsync();
        problem.Str("detail").ShouldBe("Invalid email or password.");
        problem["mfa_required"].ShouldBeNull();
    }

    [Fact]
    public async Task Disabling_needs_a_code_and_then_the_password_alone_signs_in()
    {
        var enrolled = await TwoFactor.EnrolledUserAsync(fixture);
        var client = fixture.CreateClient().WithBearer(enrolled.User.Token);

        var none = await client.PostJsonAsync("/api/v1/auth/mfa/disable", new { });
        none.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await none.ReadJsonAsync()).ErrorsFor("code").ShouldNotBeEmpty();
        var wrong = await client.PostJsonAsync("/api/v1/auth/mfa/disable", new { code = TwoFactor.WrongCode(enrolled.Secret) });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.ReadJsonAsync()).ErrorsFor("code").ShouldNotBeEmpty();

        (await client.PostJsonAsync("/api/v1/auth/mfa/disable", new { code = enrolled.NextCode() })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await TwoFactor.LoginAsync(fixture.CreateClient(), enrolled.User.Email, enrolled.User.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await client.GetAsync("/api/v1/auth/mfa")).ReadJsonAsync())["enabled"]!.GetValue<bool>().ShouldBeFalse();
        (await client.PostJsonAsync("/api/v1/auth/mfa/disable", new { code = enrolled.NextCode() })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_recovery_code_also_turns_it_off()
    {
        var enrolled = await TwoFactor.EnrolledUserAsync(fixture);
        var client = fixture.CreateClient().WithBearer(enrolled.User.Token);

        (await client.PostJsonAsync("/api/v1/auth/mfa/disable", new { recovery_code = enrolled.RecoveryCodes[0] })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await fixture.ScalarAsync<long>("identitydb", "SELECT count(*) FROM two_factor_recovery_codes WHERE user_id = @id", new { id = enrolled.User.Id })).ShouldBe(0);
    }

    [Fact]
    public async Task Bad_input_is_a_400_on_the_field()
    {
        var enrolled = await TwoFactor.EnrolledUserAsync(fixture);
        var anonymous = fixture.CreateClient();
        var client = fixture.CreateClient().WithBearer(enrolled.User.Token);

        async Task ExpectFieldAsync(HttpResponseMessage response, string field)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            (await response.ReadJsonAsync()).ErrorsFor(field).ShouldNotBeEmpty(field);
        }

        await ExpectFieldAsync(await TwoFactor.LoginAsync(anonymous, enrolled.User.Email, enrolled.User.Password, otp: "12ab56"), "otp");
        await ExpectFieldAsync(await TwoFactor.LoginAsync(anonymous, enrolled.User.Email, enrolled.User.Password, otp: "1234567"), "otp");
        await ExpectFieldAsync(await TwoFactor.LoginAsync(anonymous, enrolled.User.Email, enrolled.User.Password, otp: "123456", recoveryCode: "abcde-fghjk"), "recovery_code");
        await ExpectFieldAsync(await TwoFactor.LoginAsync(anonymous, enrolled.User.Email, enrolled.User.Password, recoveryCode: new string('a', 65)), "recovery_code");
        await ExpectFieldAsync(await anonymous.PostJsonAsync("/api/v1/auth/login", new { email = enrolled.User.Email, password = enrolled.User.Password, otp = 123456 }), "otp");
        await ExpectFieldAsync(await client.PostJsonAsync("/api/v1/auth/mfa/enable", new { }), "code");
        await ExpectFieldAsync(await client.PostJsonAsync("/api/v1/auth/mfa/enable", new { code = "12345" }), "code");
        await ExpectFieldAsync(await client.PostJsonAsync("/api/v1/auth/mfa/disable", new { code = "abcdef" }), "code");
        await ExpectFieldAsync(await client.PostJsonAsync("/api/v1/auth/mfa/disable", new { code = "123456", recovery_code = "abcde-fghjk" }), "recovery_code");

        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());
        await ExpectFieldAsync(await admin.PutJsonAsync("/api/v1/admin/security-settings", new { require_two_factor = true }), "version");
        await ExpectFieldAsync(await admin.PutJsonAsync("/api/v1/admin/security-settings", new { require_two_factor = "yes", version = 1 }), "require_two_factor");
    }

    [Fact]
    public async Task Security_settings_are_for_admins_and_refuse_a_stale_version()
    {
        var user = await TestUsers.CreateAsync(fixture);
        var admin = fixture.CreateClient().WithBearer(await fixture.AdminTokenAsync());

        var settings = await (await admin.GetAsync("/api/v1/admin/security-settings")).ReadJsonAsync();
        settings["require_two_factor"]!.GetValue<bool>().ShouldBeFalse();
        var version = settings.Int("version");

        var stale = await admin.PutJsonAsync("/api/v1/admin/security-settings", new { require_two_factor = true, version = version + 100 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await (await admin.GetAsync("/api/v1/admin/security-settings")).ReadJsonAsync())["require_two_factor"]!.GetValue<bool>().ShouldBeFalse();

        var asUser = fixture.CreateClient().WithBearer(user.Token);
        (await asUser.GetAsync("/api/v1/admin/security-settings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await asUser.PutJsonAsync("/api/v1/admin/security-settings", new { require_two_factor = true, version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
