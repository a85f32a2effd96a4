using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crm.ServiceDefaults.Http;

/// <summary>
/// Request bodies are capped at 1 MB: no record a client writes comes near it, and past it Kestrel
/// answers 413 before anything is read into memory. An endpoint that takes more (a CSV import) raises
/// its own limit with <see cref="WithRequestBodyLimit{TBuilder}"/>.
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 1024 * 1024;

    public static IHostApplicationBuilder AddCrmRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxBodyBytes);
        return builder;
    }

    /// <summary>This endpoint's body limit instead of the 1 MB default (routing applies it per request).</summary>
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long maxBytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(maxBytes));
}
