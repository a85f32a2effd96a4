using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Microsoft.EntityFrameworkCore;

namespace Crm.Identity.Services;

/// <summary>
/// Issues one-time set-password links (a new link voids the user's older unused ones), and the other public pages
/// mails point at, all on <c>Crm:PublicUrl</c>.
/// </summary>
public sealed class PasswordLinks(IdentityDbContext db, IConfiguration configuration)
{
    private string PublicUrl => (configuration["Crm:PublicUrl"] ?? "http://localhost:8080").TrimEnd('/');

    /// <summary>The sign-in page's "Forgot password?" form.</summary>
    public string ForgotPasswordUrl => $"{PublicUrl}/forgot-password";

    public async Task<(string Url, DateTime ExpiresAt)> IssueAsync(
        Guid userId, Guid? createdBy, DateTime now, CancellationToken cancellationToken, PasswordTokenPurpose purpose = PasswordTokenPurpose.Invite)
    {
        await db.PasswordTokens.Where(t => t.UserId == userId && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        var token = SecretTokens.New();
        var row = PasswordToken.Issue(userId, SecretTokens.Hash(token), createdBy, now, purpose);
        db.PasswordTokens.Add(row);
        return ($"{PublicUrl}/set-password?token={Uri.EscapeDataString(token)}", row.ExpiresAt);
    }
}
