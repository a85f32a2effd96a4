using Microsoft.EntityFrameworkCore;

namespace Crm.ServiceDefaults.Data;

/// <summary>
/// The service's own DbContext (the request's scoped instance), for shared code that must work in the
/// same transaction as the endpoint without knowing the context's type.
/// </summary>
public sealed class ServiceDatabase(DbContext context)
{
    public DbContext Context { get; } = context;
}
