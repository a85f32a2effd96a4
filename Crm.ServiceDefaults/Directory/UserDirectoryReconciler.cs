using Crm.Contracts.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Directory;

/// <summary>Rebuilds directory_users from Identity's users.</summary>
public sealed class UserDirectoryReconciler<TContext>() : DirectoryReconciler<TContext, UserSnapshot, DirectoryUser>(DirectorySource.Users)
    where TContext : DbContext
{
    protected override async Task<Dictionary<Guid, DirectoryUser>> LoadAsync(TContext db, IReadOnlyList<UserSnapshot> page, CancellationToken cancellationToken)
    {
        var ids = page.Select(u => u.UserId).ToList();
        return await db.Set<DirectoryUser>().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
    }

    protected override Guid IdOf(UserSnapshot snapshot) => snapshot.UserId;

    protected override DirectoryUser Create(UserSnapshot snapshot) => new() { Id = snapshot.UserId };

    protected override Task<bool> ApplyAsync(TContext db, DirectoryUser row, UserSnapshot u, DateTime now, CancellationToken cancellationToken) =>
        Task.FromResult(row.Apply(u.Email, u.FirstName, u.LastName, u.Role, u.IsActive, u.Version, now));
}
