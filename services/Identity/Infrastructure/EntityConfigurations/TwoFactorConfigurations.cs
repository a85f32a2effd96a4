using Crm.Identity.Model;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Identity.Infrastructure.EntityConfigurations;

public sealed class TwoFactorAuthenticatorConfiguration : IEntityTypeConfiguration<TwoFactorAuthenticator>
{
    public void Configure(EntityTypeBuilder<TwoFactorAuthenticator> builder)
    {
        builder.ToTable("user_two_factor");
        builder.HasKey(t => t.UserId);
        builder.Property(t => t.UserId).ValueGeneratedNever();
        builder.HasOne<User>().WithOne().HasForeignKey<TwoFactorAuthenticator>(t => t.UserId);
        builder.Property(t => t.LastTimeStep).IsConcurrencyToken();
        builder.Ignore(t => t.IsEnabled);
    }
}

public sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> builder)
    {
        builder.ToTable("two_factor_recovery_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId);
        builder.Property(c => c.UsedAt).IsConcurrencyToken();
        builder.HasIndex(c => new { c.UserId, c.CodeHash }).IsUnique();
        builder.Ignore(c => c.IsUsed);
    }
}

public sealed class SecuritySettingsConfiguration : IEntityTypeConfiguration<SecuritySettings>
{
    public void Configure(EntityTypeBuilder<SecuritySettings> builder)
    {
        builder.ToTable("security_settings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("data_protection_keys");
        builder.HasKey(k => k.Id);
    }
}
