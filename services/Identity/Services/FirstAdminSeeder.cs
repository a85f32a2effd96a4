using System.Security.Cryptography;
using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Crm.ServiceDefaults.Auth;
using Crm.ServiceDefaults.Data;
using Crm.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.Identity.Services;

/// <summary>
/// Creates the first admin from Crm:AdminEmail / Crm:AdminPassword when there are no users yet.
/// Without a password it makes one up and prints it this one time.
/// </summary>
public sealed class FirstAdminSeeder(IServiceProvider services, IConfiguration configuration, ILogger<FirstAdminSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var email = configuration["Crm:AdminEmail"] is { Length: > 0 } e ? e : "admin@crm.local";
        var password = configuration["Crm:AdminPassword"];
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') + "7a";
        }

        var now = DbClock.UtcNow;
        var admin = User.Create(email, "System", "Administrator", Roles.Admin, null, now);
        admin.SetPasswordHash(scope.ServiceProvider.GetRequiredService<IPasswordHasher<User>>().HashPassword(admin, password!), now);
        db.Users.Add(admin);
        db.AddIntegrationEvent(UserEvents.Created(admin, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return; // Another replica seeded it first.
        }

        if (generated)
        {
            // Printed once, on the start that created the admin; it is not stored in clear anywhere.
            Console.WriteLine($"First admin created: {email} / password: {password}");
        }

        logger.LogInformation("First admin {Email} created", email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
