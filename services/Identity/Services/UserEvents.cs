using Crm.Contracts.Identity;
using Crm.Identity.Model;

namespace Crm.Identity.Services;

public static class UserEvents
{
    public static UserCreated Created(User u, DateTime now) =>
        new(u.Id, u.Email, u.FirstName, u.LastName, u.Role, u.IsActive, u.Version, now);

    public static UserUpdated Updated(User u, DateTime now) =>
        new(u.Id, u.Email, u.FirstName, u.LastName, u.Role, u.IsActive, u.Version, now);
}
