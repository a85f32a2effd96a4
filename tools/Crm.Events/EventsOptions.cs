namespace Crm.Events;

public enum EventsCommand
{
    List,
    Redrive,
    Reconcile,
}

/// <summary>The command line of <c>./crm events</c>, with the same defaults as <c>./crm run</c> and <c>./crm seed</c>.</summary>
public sealed record EventsOptions
{
    public const string Usage =
        "usage: ./crm events [list] | redrive [--queue NAME] | reconcile   [--data-dir DIR] [--email E] [--password P]\n" +
        "  list       the error queues (<queue>_error) with their message counts, message types and last exceptions\n" +
        "  redrive    moves the messages of the error queues (or of --queue) back to their input queues\n" +
        "  reconcile  rebuilds every service's directories (users, accounts, ...) from their owners' APIs\n" +
        "defaults: data dir CRM_DATA_DIR or <repo>/.crm; email CRM_ADMIN_EMAIL or admin@crm.local; password\n" +
        "CRM_ADMIN_PASSWORD or <data dir>/secrets/admin-password (reconcile only).";

    public EventsCommand Command { get; init; } = EventsCommand.List;

    public required string DataDir { get; init; }

    public string? Queue { get; init; }

    public required string Email { get; init; }

    /// <summary>Null until read from the data dir (<see cref="AdminPasswordFile"/>).</summary>
    public string? Password { get; init; }

    public string AdminPasswordFile => Path.Combine(DataDir, "secrets", "admin-password");

    public static EventsOptions Parse(IReadOnlyList<string> args, Func<string, string?> env, string repoRoot)
    {
        var options = new EventsOptions
        {
            DataDir = Path.GetFullPath(NullIfEmpty(env("CRM_DATA_DIR")) ?? Path.Combine(repoRoot, ".crm"), repoRoot),
            Email = NullIfEmpty(env("CRM_ADMIN_EMAIL")) ?? "admin@crm.local",
            Password = NullIfEmpty(env("CRM_ADMIN_PASSWORD")),
        };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{arg} needs a value.\n{Usage}");
            options = arg switch
            {
                "list" when i == 0 => options with { Command = EventsCommand.List },
                "redrive" when i == 0 => options with { Command = EventsCommand.Redrive },
                "reconcile" when i == 0 => options with { Command = EventsCommand.Reconcile },
                "--queue" => options with { Queue = Value() },
                "--data-dir" => options with { DataDir = Path.GetFullPath(Value()) },
                "--email" => options with { Email = Value() },
                "--password" => options with { Password = Value() },
                "-h" or "--help" => throw new FormatException(Usage),
                _ => throw new FormatException($"unknown argument '{arg}'.\n{Usage}"),
            };
        }

        if (options.Queue is not null && options.Command != EventsCommand.Redrive)
        {
            throw new FormatException($"--queue goes with redrive.\n{Usage}");
        }

        return options;
    }

    /// <summary>The folder holding Crm.sln, from the current directory or this program's folder.</summary>
    public static string FindRepoRoot()
    {
        foreach (var origin in new[] { Environment.GetEnvironmentVariable("CRM_REPO_ROOT"), Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = string.IsNullOrEmpty(origin) ? null : new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Crm.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
