using Crm.Identity.Infrastructure;
using Crm.Identity.Model;
using Microsoft.EntityFrameworkCore;

namespace Crm.Identity.Services;

/// <summary>Whether a user must enrol before using the CRM: an admin requires two factors and the user has none yet.</summary>
public sealed class TwoFactorRequirement(IdentityDbContext db)
{
    public async Task<bool> IsRequiredAsync(CancellationToken cancellationToken) =>
        await db.SecuritySettings.AsNoTracking()
            .Where(s => s.Id == SecuritySettings.SingletonId)
            .Select(s => s.RequireTwoFactor)
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<bool> IsEnrolmentRequiredAsync(Guid userId, CancellationToken cancellationToken) =>
        await IsRequiredAsync(cancellationToken)
        && !await db.TwoFactorAuthenticators.AnyAsync(t => t.UserId == userId && t.EnabledAt != null, cancellationToken);
}
