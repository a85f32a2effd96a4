namespace Crm.AppHost.Hosting;

/// <summary>What to run: program, arguments, environment, folder, and (when we are root) which user runs it.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public Dictionary<string, string?> Environment { get; init; } = [];

    public string? WorkingDirectory { get; init; }

    /// <summary>PostgreSQL and RabbitMQ refuse to run as root; when we are root they run as this user.</summary>
    public string? RunAsUser { get; init; }

    public override string ToString() => $"{FileName} {string.Join(' ', Arguments)}";
}
