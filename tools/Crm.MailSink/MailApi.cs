using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.MailSink;

/// <summary>The messages as JSON, newest first: what the tests read (<c>GET /api/messages?to=ada@agency.test</c>).</summary>
public static class MailApi
{
    public static IEndpointRouteBuilder MapMailApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/messages", (string? to, MailStore store) =>
            TypedResults.Ok(store.All().Where(m => string.IsNullOrWhiteSpace(to) || m.IsFor(to)).ToList()));
        app.MapGet("/api/messages/{id}", Results<Ok<StoredMail>, NotFound> (string id, MailStore store) =>
            store.Find(id) is { } mail ? TypedResults.Ok(mail) : TypedResults.NotFound());
        return app;
    }
}
