namespace Crm.Gateway.Configuration;

public sealed class DestinationConfig
{
    /// <summary>Base address of one replica, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string? Address { get; set; }
}
