using Crm.Identity.Mail;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Shouldly;

namespace Crm.UnitTests.Identity;

public sealed class MailSettingsTests
{
    private static MailSettings From(params (string Key, string Value)[] values) =>
        MailSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());

    [Fact]
    public void The_development_sink_connection_string_is_plain_smtp_with_starttls_if_offered()
    {
        var settings = From(("ConnectionStrings:mail", "smtp://localhost:2525"));

        settings.IsConfigured.ShouldBeTrue();
        (settings.Host, settings.Port, settings.User).ShouldBe(("localhost", 2525, (string?)null));
        settings.Security.ShouldBe(SecureSocketOptions.StartTlsWhenAvailable);
        settings.From.ToString().ShouldBe("\"Agency CRM\" <no-reply@crm.local>");
    }

    [Fact]
    public void Smtps_with_credentials_is_tls_from_the_first_byte()
    {
        var settings = From(("ConnectionStrings:mail", "smtps://mailer:p%40ss@smtp.example.com"));

        (settings.Host, settings.Port, settings.User, settings.Password).ShouldBe(("smtp.example.com", 465, "mailer", "p@ss"));
        settings.Security.ShouldBe(SecureSocketOptions.SslOnConnect);
    }

    [Fact]
    public void Aspires_endpoint_form_is_read_too()
    {
        var settings = From(("ConnectionStrings:mail", "Endpoint=smtp://mail.internal:587;Username=crm;Password=secret"));

        (settings.Host, settings.Port, settings.User, settings.Password).ShouldBe(("mail.internal", 587, "crm", "secret"));
    }

    [Fact]
    public void Mail_settings_override_the_connection_string_part_by_part()
    {
        var settings = From(
            ("ConnectionStrings:mail", "smtp://localhost:2525"),
            ("Mail:Host", "smtp.example.com"),
            ("Mail:Port", "587"),
            ("Mail:User", "crm"),
            ("Mail:Password", "secret"),
            ("Mail:UseTls", "true"),
            ("Mail:From", "CRM <crm@example.com>"));

        (settings.Host, settings.Port, settings.User, settings.Password).ShouldBe(("smtp.example.com", 587, "crm", "secret"));
        settings.Security.ShouldBe(SecureSocketOptions.StartTls);
        settings.From.Address.ShouldBe("crm@example.com");
        From(("Mail:Host", "smtp.example.com"), ("Mail:UseTls", "false")).Security.ShouldBe(SecureSocketOptions.None);
        From(("Mail:Host", "smtp.example.com"), ("Mail:Port", "465"), ("Mail:UseTls", "true")).Security.ShouldBe(SecureSocketOptions.SslOnConnect);
    }

    [Fact]
    public void Without_settings_mail_is_not_configured_and_waits()
    {
        From().IsConfigured.ShouldBeFalse();
    }

    [Theory]
    [InlineData("ConnectionStrings:mail", "http://localhost:2525", "smtp://host:port")]
    [InlineData("ConnectionStrings:mail", "Username=crm", "Endpoint")]
    [InlineData("Mail:Port", "seventy", "Mail__Port")]
    [InlineData("Mail:UseTls", "maybe", "Mail__UseTls")]
    [InlineData("Mail:From", "nobody", "Mail__From")]
    public void A_setting_that_cannot_be_right_stops_the_start_naming_it(string key, string value, string named)
    {
        Should.Throw<InvalidOperationException>(() => From(("Mail:Host", "localhost"), (key, value))).Message.ShouldContain(named);
    }
}
