using Crm.ServiceDefaults.Http;

namespace Crm.Sales.Model;

/// <summary>The messages a hierarchy field (parent account, reports to) shows for each broken rule.</summary>
public sealed record HierarchyMessages(string Self, string NotFound, string Loop);

/// <summary>
/// A record's parent (an account's parent account, a contact's manager) must exist, be active, and
/// not make the hierarchy loop back to the record.
/// </summary>
public static class HierarchyRule
{
    public static readonly HierarchyMessages ParentAccount = new(
        "An account can't be its own parent.",
        "Parent Account not found.",
        "The Parent Account can't be one of this account's child accounts.");

    public static readonly HierarchyMessages ReportsTo = new(
        "A contact can't report to themselves.",
        "Reports To must be an active contact of the same account.",
        "Reports To can't be someone who reports to this contact.");

    private const int MaxDepth = 100;

    /// <param name="lookup">The (is_active, parent id) of a record, or null when it does not exist or is out of scope.</param>
    public static async Task CheckAsync(
        ValidationErrors errors,
        string field,
        HierarchyMessages messages,
        Guid? childId,
        Guid? parentId,
        Func<Guid, Task<(bool IsActive, Guid? ParentId)?>> lookup)
    {
        if (parentId is not { } parent)
        {
            return;
        }

        if (parent == childId)
        {
            errors.Add(field, messages.Self);
            return;
        }

        var found = await lookup(parent);
        if (found is not { IsActive: true })
        {
            errors.Add(field, messages.NotFound);
            return;
        }

        // Walk up from the proposed parent: meeting the child means the change would create a loop.
        var next = found.Value.ParentId;
        for (var depth = 0; next is { } ancestor && depth < MaxDepth; depth++)
        {
            if (ancestor == childId)
            {
                errors.Add(field, messages.Loop);
                return;
            }

            next = (await lookup(ancestor))?.ParentId;
        }
    }
}
