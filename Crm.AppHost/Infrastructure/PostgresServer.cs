using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Crm.AppHost.Hosting;

namespace Crm.AppHost.Infrastructure;

/// <summary>
/// Where PostgreSQL keeps its files and as whom it runs. It refuses to run as root, so a root AppHost runs
/// initdb and postgres as the <c>postgres</c> user (setpriv execs, no fork: signals reach postgres). When that
/// user cannot enter the data dir (a clone in root's 0700 home), the cluster lives under
/// /var/lib/postgresql/crm/&lt;hash of the data dir&gt; instead.
/// </summary>
public sealed class PostgresServer
{
    public const string UserName = "crm";
    private const string ServiceUser = "postgres";
    private const string SetPriv = "/usr/bin/setpriv";
    private readonly bool _asServiceUser = Environment.UserName == "root";

    public PostgresServer(CrmSettings settings)
        : this(settings.DataDir)
    {
    }

    public PostgresServer(string dataDir)
    {
        BinDir = FindBinDir();
        Password = Secrets.GetOrCreate(dataDir, "postgres-password").Value;
        var home = Path.Combine(dataDir, "postgres");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDir)))[..16];
        DefaultBackupDir = Path.Combine(dataDir, "backups");
        if (_asServiceUser && !ServiceUserCanEnter(dataDir))
        {
            home = Path.Combine("/var/lib/postgresql/crm", hash);
            DefaultBackupDir = Path.Combine(home, "backups");
        }

        PgData = Path.Combine(home, "data");
        // Short: a socket path may not exceed 107 bytes, and data dirs can be deep.
        SocketDir = Path.Combine("/tmp", $"crm-pg-{hash}");
    }

    /// <summary>Where the Unix socket lives (pgBackRest connects through it; the services use TCP).</summary>
    public string SocketDir { get; }

    /// <summary>&lt;data&gt;/backups, or beside the cluster when the service user cannot enter the data dir.</summary>
    public string DefaultBackupDir { get; }

    /// <summary>Creates <paramref name="directory"/> (and its parents) for the user PostgreSQL runs as.</summary>
    public void PrepareDirectory(string directory)
    {
        Directory.CreateDirectory(directory);
        GiveToServiceUser(directory);
    }

    /// <summary>Hands a file or directory to the user PostgreSQL runs as (when that is not us).</summary>
    public void GiveToServiceUser(string path)
    {
        if (_asServiceUser)
        {
            Run(["/usr/bin/chown", "-R", $"{ServiceUser}:{ServiceUser}", path], $"Check that the '{ServiceUser}' user exists.");
        }
    }

    public string BinDir { get; }

    public string PgData { get; }

    public string Password { get; }

    /// <summary>The command line that runs <paramref name="executable"/> as the right user.</summary>
    public IReadOnlyList<string> Command(string executable, IEnumerable<string> args) =>
        _asServiceUser
            ? [SetPriv, $"--reuid={ServiceUser}", $"--regid={ServiceUser}", "--init-groups", "--", executable, .. args]
            : [executable, .. args];

    /// <summary>Runs initdb on a fresh data dir; every failure says what to do.</summary>
    public void Prepare()
    {
        PrepareDirectory(SocketDir);
        if (File.Exists(Path.Combine(PgData, "PG_VERSION")))
        {
            return;
        }

        var home = Path.GetDirectoryName(PgData)!;
        Directory.CreateDirectory(PgData);
        var pwFile = Path.Combine(home, ".initdb-password");
        File.WriteAllText(pwFile, Password);
        try
        {
            if (_asServiceUser)
            {
                Run(["/usr/bin/chown", "-R", $"{ServiceUser}:{ServiceUser}", home],
                    $"Check that the '{ServiceUser}' user exists (apt-get install postgresql-15 creates it).");
            }

            Run(Command(Path.Combine(BinDir, "initdb"),
                    ["-D", PgData, "-U", UserName, $"--pwfile={pwFile}", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C"]),
                $"Delete {PgData} to start with an empty cluster, and check that its parent is writable by {(_asServiceUser ? ServiceUser : Environment.UserName)}.");
        }
        finally
        {
            File.Delete(pwFile);
        }
    }

    /// <summary>Every directory above the data dir must be enterable by the service user.</summary>
    private bool ServiceUserCanEnter(string directory) =>
        RunQuiet(Command("/usr/bin/test", ["-x", directory])) == 0;

    private static int RunQuiet(IReadOnlyList<string> command)
    {
        using var process = Start(command);
        process.WaitForExit();
        return process.ExitCode;
    }

    private static void Run(IReadOnlyList<string> command, string fix)
    {
        using var process = Start(command);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"postgres: '{string.Join(' ', command)}' failed with exit code {process.ExitCode}: {output.Result}{error}\n{fix}");
        }
    }

    private static Process Start(IReadOnlyList<string> command)
    {
        var psi = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Skip(1))
        {
            psi.ArgumentList.Add(arg);
        }

        return Process.Start(psi) ?? throw new InvalidOperationException($"could not start {command[0]}");
    }

    private static string FindBinDir()
    {
        const string root = "/usr/lib/postgresql";
        var best = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(x => File.Exists(Path.Combine(x.Dir, "bin", "postgres")))
                .OrderByDescending(x => x.Version)
                .FirstOrDefault()
            : default;
        return best.Dir is not null
            ? Path.Combine(best.Dir, "bin")
            : throw new InvalidOperationException(
                "postgres: no server binaries under /usr/lib/postgresql/<version>/bin. Install them: apt-get install postgresql-15 (./crm run does).");
    }
}
