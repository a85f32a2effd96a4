using Crm.ServiceDefaults.Http;

namespace Crm.Sales.Model;

/// <summary>A parent account must exist, be active, and not make the hierarchy loop back to the child.</summary>
public static class ParentAccountRule
{
    private const int MaxDepth = 100;

    /// <param name="lookup">The (is_active, parent_account_id) of an account, or null when it does not exist.</param>
    public static async Task CheckAsync(
        ValidationErrors errors, Guid? childId, Guid? parentId, Func<Guid, Task<(bool IsActive, Guid? ParentId)?>> lookup)
    {
        if (parentId is not { } parent)
        {
            return;
        }

        if (parent == childId)
        {
            errors.Add("parent_account_id", "An account can't be its own parent.");
            return;
        }

        var found = await lookup(parent);
        if (found is not { IsActive: true })
        {
            errors.Add("parent_account_id", "Parent Account not found.");
            return;
        }

        // Walk up from the proposed parent: meeting the child means the change would create a loop.
        var next = found.Value.ParentId;
        for (var depth = 0; next is { } ancestor && depth < MaxDepth; depth++)
        {
            if (ancestor == childId)
            {
                errors.Add("parent_account_id", "The Parent Account can't be one of this account's child accounts.");
                return;
            }

            next = (await lookup(ancestor))?.ParentId;
        }
    }
}
