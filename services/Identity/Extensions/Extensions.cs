using Crm.Identity.Infrastructure;
using Crm.Identity.Mail;
using Crm.Identity.Model;
using Crm.Identity.Services;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Crm.Identity.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityDbContext>("identitydb");
        builder.AddEventBus<IdentityDbContext>("identity");

        builder.Services.Configure<SessionTokenOptions>(builder.Configuration.GetSection(SessionTokenOptions.Section));
        builder.Services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        builder.AddTokenServer();
        builder.Services.AddSingleton<TokenRevoker>();
        builder.Services.AddScoped<SessionManager>();
        builder.Services.AddScoped<PasswordLinks>();
        builder.Services.AddScoped<SecurityNotices>();
        builder.Services.AddSingleton(MailSettings.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<SmtpTransport>();
        builder.Services.AddHostedService<MailDispatcher>();
        builder.Services.AddScoped<SignInCheck>();
        builder.Services.AddScoped<SecondFactorCheck>();
        builder.Services.AddScoped<TwoFactorEnrolment>();
        builder.Services.AddScoped<TwoFactorRequirement>();
        builder.Services.AddSingleton<TwoFactorSecretProtector>();

        // Authenticator secrets are stored encrypted with Data Protection; its key ring lives in identitydb
        // (data_protection_keys) so every Identity replica can read what another one protected.
        builder.Services.AddDataProtection()
            .SetApplicationName("crm-identity")
            .PersistKeysToDbContext<IdentityDbContext>();
        builder.Services.AddHostedService<FirstAdminSeeder>();

        // Identity validates the tokens it signed with the keys it holds instead of fetching its own discovery document.
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, LocalSigningKeyValidation>();
        return builder;
    }

    private sealed class LocalSigningKeyValidation(SigningKeyStore keys) : IPostConfigureOptions<JwtBearerOptions>
    {
        public void PostConfigure(string? name, JwtBearerOptions options)
        {
            options.MetadataAddress = null!;
            options.Authority = null;
            options.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => keys.Keys.Signing;
        }
    }
}
