using Microsoft.AspNetCore.Builder;

namespace Crm.ServiceDefaults.Auth;

/// <summary>Marks an endpoint a session limited to two-factor enrolment may call (see <see cref="FullSessionRequirement"/>).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class AllowDuringTwoFactorEnrolmentAttribute : Attribute
{
}

public static class TwoFactorEnrolmentEndpoints
{
    /// <summary>The endpoint answers a session that must enrol first: who am I, log out, and the enrolment itself.</summary>
    public static TBuilder AllowDuringTwoFactorEnrolment<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AllowDuringTwoFactorEnrolmentAttribute());
}
