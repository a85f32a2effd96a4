using Crm.Identity.Mail;
using Crm.Identity.Model;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Crm.Identity.Infrastructure;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<User> Users => Set<User>();

    public DbSet<PasswordToken> PasswordTokens => Set<PasswordToken>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<OutgoingMail> MailOutbox => Set<OutgoingMail>();

    public DbSet<TwoFactorAuthenticator> TwoFactorAuthenticators => Set<TwoFactorAuthenticator>();

    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();

    public DbSet<SecuritySettings> SecuritySettings => Set<SecuritySettings>();

    /// <summary>Data Protection's key ring (protects the authenticator secrets), shared by every Identity replica.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.UseOpenIddict();
        // The token server's tables, named like ours.
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("openiddict_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("openiddict_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("openiddict_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("openiddict_tokens");
        modelBuilder.UseSnakeCaseNames();
    }
}
