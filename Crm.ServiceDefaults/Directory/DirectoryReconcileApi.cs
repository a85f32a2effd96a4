using System.Net.Http.Headers;
using Crm.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Crm.ServiceDefaults.Directory;

public static class DirectoryReconcileApi
{
    /// <summary>
    /// Service-internal (not routed by the gateway; <c>./crm events reconcile</c> calls it): rebuilds every
    /// directory this service keeps from its owner's <see cref="DirectorySourceApi"/>, one after another.
    /// The caller's admin token is what the owners are asked with.
    /// </summary>
    public static IEndpointRouteBuilder MapDirectoryReconcileApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/internal/v1/directory/reconcile", ReconcileAsync).WithTags("Directory").RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<Ok<DirectoryReconcileResponse>> ReconcileAsync(
        HttpRequest request,
        IEnumerable<IDirectoryReconciler> reconcilers,
        IServiceScopeFactory scopes,
        IHttpClientFactory clients,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger(typeof(DirectoryReconcileApi));
        AuthenticationHeaderValue.TryParse(request.Headers[HeaderNames.Authorization].ToString(), out var authorization);
        var client = new DirectorySourceClient(clients.CreateClient(nameof(DirectorySourceClient)), authorization);
        var results = new List<DirectoryReconcileResult>();
        foreach (var reconciler in reconcilers)
        {
            try
            {
                var result = await reconciler.ReconcileAsync(scopes, client, cancellationToken);
                log.LogInformation(
                    "Reconciled the {Directory} directory from {Source}: {Checked} checked, {Added} added, {Updated} updated",
                    result.Directory, result.Source, result.Checked, result.Added, result.Updated);
                results.Add(result);
            }
            catch (DirectorySourceException ex)
            {
                // One owner being down must not keep the other directories from being repaired.
                log.LogWarning("Reconciling the {Directory} directory failed: {Error}", reconciler.Directory, ex.Message);
                results.Add(new DirectoryReconcileResult(reconciler.Directory, reconciler.Source.Service, 0, 0, 0, ex.Message));
            }
        }

        return TypedResults.Ok(new DirectoryReconcileResponse(results));
    }
}
