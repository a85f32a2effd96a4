namespace Crm.Gateway.Sessions;

/// <summary>
/// The caller's address as the gateway sees it. The gateway is the public door, so a client's own
/// X-Forwarded-For is not trusted.
/// </summary>
public static class ClientIp
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
