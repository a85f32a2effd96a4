using Crm.Identity.Mail;
using Crm.Identity.Model;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Crm.Identity.Infrastructure;

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<PasswordToken> PasswordTokens => Set<PasswordToken>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<OutgoingMail> MailOutbox => Set<OutgoingMail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IdentityDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.UseSnakeCaseNames();
    }
}
