using System.Globalization;
using System.Threading.RateLimiting;
using Crm.Gateway.Configuration;
using Crm.Gateway.Problems;
using Crm.Gateway.Sessions;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Crm.Gateway.Extensions;

/// <summary>
/// Login attempts and "Forgot password?" requests limited with ASP.NET Core's rate limiter: for each, a fixed window
/// per client IP chained with one per IP and e-mail (the e-mail <see cref="LoginBodyMiddleware"/> read), counted
/// apart (asking for a reset link does not use up login attempts). Every other request passes without a limiter.
/// </summary>
public static class LoginRateLimitExtensions
{
    public static IServiceCollection AddLoginRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<GatewayOptions>>((options, gateway) =>
        {
            var login = gateway.Value.LoginRateLimit;
            var forgot = gateway.Value.ForgotPasswordRateLimit;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Per(LoginBodyMiddleware.IsLogin, _ => "ip", login.PerIp, WindowOf(login)),
                Per(LoginBodyMiddleware.IsLogin, body => body.Email, login.PerIpAndEmail, WindowOf(login)),
                Per(LoginBodyMiddleware.IsForgotPassword, _ => "ip", forgot.PerIp, WindowOf(forgot)),
                Per(LoginBodyMiddleware.IsForgotPassword, body => body.Email, forgot.PerIpAndEmail, WindowOf(forgot)));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) =>
            {
                var request = rejected.HttpContext.Request;
                var forgotPassword = LoginBodyMiddleware.IsForgotPassword(request);
                var window = WindowOf(forgotPassword ? forgot : login);
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problem = forgotPassword ? GatewayProblems.TooManyPasswordResets(retryAfter) : GatewayProblems.TooManyLoginAttempts(retryAfter);
                return new ValueTask(problem.ExecuteAsync(rejected.HttpContext));
            };
        });
        return services;
    }

    private static TimeSpan WindowOf(LoginRateLimitOptions limits) => limits.Window > TimeSpan.Zero ? limits.Window : TimeSpan.FromMinutes(1);

    /// <param name="applies">Which requests this limiter counts.</param>
    /// <param name="key">What is counted for such a request besides its IP; null: not counted.</param>
    private static PartitionedRateLimiter<HttpContext> Per(Func<HttpRequest, bool> applies, Func<LoginRequest, string?> key, int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            applies(context.Request) && LoginRequest.Of(context) is { } body && key(body) is { } counted
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Request.Path.Value!.ToLowerInvariant() + " " + ClientIp.Of(context) + " " + counted,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(string.Empty));
}
