using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Microsoft.EntityFrameworkCore;

namespace Crm.Identity.Services;

/// <summary>Issues one-time set-password links; a new link voids the user's older unused ones.</summary>
public sealed class PasswordLinks(IdentityDbContext db, IConfiguration configuration)
{
    public async Task<(string Url, DateTime ExpiresAt)> IssueAsync(Guid userId, Guid createdBy, DateTime now, CancellationToken cancellationToken)
    {
        await db.PasswordTokens.Where(t => t.UserId == userId && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        var token = SecretTokens.New();
        var row = PasswordToken.Issue(userId, SecretTokens.Hash(token), createdBy, now);
        db.PasswordTokens.Add(row);
        var publicUrl = (configuration["Crm:PublicUrl"] ?? "http://localhost:8080").TrimEnd('/');
        return ($"{publicUrl}/set-password?token={Uri.EscapeDataString(token)}", row.ExpiresAt);
    }
}
