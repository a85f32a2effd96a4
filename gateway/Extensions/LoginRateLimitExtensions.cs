using System.Globalization;
using System.Threading.RateLimiting;
using Crm.Gateway.Configuration;
using Crm.Gateway.Problems;
using Crm.Gateway.Sessions;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Crm.Gateway.Extensions;

/// <summary>
/// Login attempts limited with ASP.NET Core's rate limiter: a fixed window per client IP chained with one per IP and
/// e-mail (the e-mail <see cref="LoginBodyMiddleware"/> read). Every other request passes without a limiter.
/// </summary>
public static class LoginRateLimitExtensions
{
    public static IServiceCollection AddLoginRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<GatewayOptions>>((options, gateway) =>
        {
            var limits = gateway.Value.LoginRateLimit;
            var window = limits.Window > TimeSpan.Zero ? limits.Window : TimeSpan.FromMinutes(1);
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PerLogin(login => login is null ? null : "ip", limits.PerIp, window),
                PerLogin(login => login?.Email, limits.PerIpAndEmail, window));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return new ValueTask(GatewayProblems.TooManyLoginAttempts(retryAfter).ExecuteAsync(rejected.HttpContext));
            };
        });
        return services;
    }

    /// <param name="key">What is counted for a login request besides its IP; null: not counted.</param>
    private static PartitionedRateLimiter<HttpContext> PerLogin(Func<LoginRequest?, string?> key, int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => key(LoginRequest.Of(context)) is { } counted
            ? RateLimitPartition.GetFixedWindowLimiter(
                ClientIp.Of(context) + " " + counted,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter(string.Empty));
}
