using Crm.Activities.Infrastructure;
using Crm.Activities.Model;
using Crm.ServiceDefaults.Directory;
using Crm.ServiceDefaults.Http;
using Crm.ServiceDefaults.Json;
using Crm.ServiceDefaults.Lists;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Crm.Activities.Apis;

/// <summary>The "Related To" and "Name" lookups of the activity and case forms: active records of the asked types, by name.</summary>
public static class RelatedRecordsApi
{
    public const int MaxResults = 20;

    public static IEndpointRouteBuilder MapRelatedRecordsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/activities/related-records", SearchAsync).WithTags("Activities");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<RelatedRecordResponse>>, ValidationProblem>> SearchAsync(
        [FromQuery(Name = "types")] string? types,
        [FromQuery(Name = "q")] string? q,
        ActivitiesDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var wanted = ParseTypes(types, errors);
        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        var recordTypes = wanted.Select(t => t.RecordType()).ToList();
        var records = db.Records.AsNoTracking().Where(r => recordTypes.Contains(r.RecordType) && r.IsActive);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = QueryableListExtensions.LikePattern(q.Trim());
            records = records.Where(r => EF.Functions.ILike(r.Name, pattern, QueryableListExtensions.LikeEscape)
                || EF.Functions.ILike(r.Detail!, pattern, QueryableListExtensions.LikeEscape));
        }

        var accounts = db.Records.Where(a => a.RecordType == RecordTypes.Account);
        var hits = await (
            from r in records
            join a in accounts on r.AccountId equals (Guid?)a.Id into owners
            from a in owners.DefaultIfEmpty()
            orderby r.Name.ToLower(), r.RecordType, r.Id
            select new { r.RecordType, r.Id, r.Name, r.Detail, AccountName = a == null ? null : a.Name })
            .Take(MaxResults)
            .ToListAsync(cancellationToken);

        IReadOnlyList<RelatedRecordResponse> result = hits.Select(h => new RelatedRecordResponse(
            Enum.Parse<LinkedRecordType>(h.RecordType),
            h.Id,
            h.Name,
            h.RecordType switch
            {
                RecordTypes.Account => RecordTypes.Account,
                RecordTypes.Contact or RecordTypes.Opportunity => h.AccountName,
                _ => h.Detail,
            })).ToList();
        return TypedResults.Ok(result);
    }

    /// <summary>"Account,Opportunity" → those types; nothing → every type.</summary>
    private static IReadOnlyList<LinkedRecordType> ParseTypes(string? types, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(types))
        {
            return Enum.GetValues<LinkedRecordType>();
        }

        var parsed = new List<LinkedRecordType>();
        foreach (var name in types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EnumNames.TryParse<LinkedRecordType>(name, out var type))
            {
                parsed.Add(type);
            }
            else
            {
                errors.Add("types", EnumNames.OneOfMessage<LinkedRecordType>("Each type"));
                break;
            }
        }

        return parsed;
    }
}
