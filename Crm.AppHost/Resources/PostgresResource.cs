using Crm.AppHost.Hosting;
using Npgsql;

namespace Crm.AppHost.Resources;

/// <summary>
/// One PostgreSQL server for all services (each gets its own database), data under &lt;data&gt;/postgres.
/// A <c>crm</c> superuser with a generated password persisted under &lt;data&gt;/secrets.
/// </summary>
public sealed class PostgresResource : Resource
{
    private const string ServiceUser = "postgres";
    private readonly string _pgData;
    private readonly string _binDir;

    public PostgresResource(ResourceContext context, int port)
        : base("postgres", "executable", context)
    {
        Port = port;
        _pgData = Path.Combine(context.DataDir, "postgres", "data");
        _binDir = FindBinDir();
        Password = Secrets.GetOrCreate(context.DataDir, "postgres-password").Value;
    }

    public int Port { get; }

    public string UserName => "crm";

    public string Password { get; }

    public override string Endpoint => $"tcp://127.0.0.1:{Port}";

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username={UserName};Password={Password}";

    public override async Task<bool> CheckHealthAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false;Timeout=3");
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select 1", connection);
        return await command.ExecuteScalarAsync(ct) is 1;
    }

    /// <summary>Creates the databases that do not exist yet (kept across runs otherwise).</summary>
    public async Task EnsureDatabasesAsync(IEnumerable<string> names, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync(ct);
        foreach (var name in names)
        {
            await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @n", connection);
            exists.Parameters.AddWithValue("n", name);
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                // Names are our own constants, never user input.
                await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
                await create.ExecuteNonQueryAsync(ct);
                Logs.Add($"[apphost] created database {name}");
            }
        }
    }

    protected override async Task PrepareAsync(CancellationToken ct)
    {
        if (File.Exists(Path.Combine(_pgData, "PG_VERSION")))
        {
            await StopStaleServerAsync(ct);
            return;
        }

        Directory.CreateDirectory(_pgData);
        var pwFile = Path.Combine(Path.GetDirectoryName(_pgData)!, ".initdb-password");
        await File.WriteAllTextAsync(pwFile, Password, ct);
        try
        {
            await FileSystem.ChownAsync(Path.GetDirectoryName(_pgData)!, ServiceUser, Logs, Context.DataDir, ct);
            var code = await ChildProcess.RunAsync(
                new ProcessSpec(
                    Path.Combine(_binDir, "initdb"),
                    ["-D", _pgData, "-U", UserName, $"--pwfile={pwFile}", "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C"])
                { RunAsUser = ServiceUser },
                Logs,
                Context.DataDir,
                TimeSpan.FromMinutes(2),
                ct);
            if (code != 0)
            {
                throw new InvalidOperationException($"initdb failed with exit code {code}.");
            }
        }
        finally
        {
            File.Delete(pwFile);
        }
    }

    protected override ProcessSpec CreateProcessSpec()
    {
        List<string> args =
        [
            "-D", _pgData, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            // TCP only: socket paths under deep data dirs exceed the 107-byte limit.
            "-c", "unix_socket_directories=",
            "-c", "max_connections=300",
        ];
        if (Context.IsTesting)
        {
            // Throw-away test data: skip what only guards against an operating-system crash (fsync, torn
            // pages). Commits stay synchronous: chaos tests SIGKILL PostgreSQL, and an acknowledged commit
            // must survive that exactly as it does in production.
            args.AddRange(["-c", "fsync=off", "-c", "full_page_writes=off"]);
        }

        return new ProcessSpec(Path.Combine(_binDir, "postgres"), args) { RunAsUser = ServiceUser, WorkingDirectory = _pgData };
    }

    protected override async Task StopProcessAsync(ChildProcess process, CancellationToken ct)
    {
        await PgCtlStopAsync(ct);
        await process.StopAsync(TimeSpan.FromSeconds(15), Posix.SIGINT);
    }

    private Task<int> PgCtlStopAsync(CancellationToken ct) =>
        ChildProcess.RunAsync(
            new ProcessSpec(Path.Combine(_binDir, "pg_ctl"), ["stop", "-D", _pgData, "-m", "fast", "-w", "-t", "30"]) { RunAsUser = ServiceUser },
            Logs,
            Context.DataDir,
            TimeSpan.FromSeconds(40),
            ct);

    /// <summary>
    /// A postmaster left running by a killed AppHost holds the data dir: stop it first. A postmaster that was
    /// killed itself may leave backends behind for a moment; they keep the old shared memory attached, which
    /// makes the next postmaster refuse to start, so they are waited for and then killed.
    /// </summary>
    private async Task StopStaleServerAsync(CancellationToken ct)
    {
        var pidFile = Path.Combine(_pgData, "postmaster.pid");
        if (File.Exists(pidFile)
            && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)
            && StaleProcesses.IsRunning(pid)
            && StaleProcesses.Command(pid) == "postgres")
        {
            Logs.Add($"[apphost] stopping a stale postgres (pid {pid})");
            await PgCtlStopAsync(ct);
        }

        var orphans = StaleProcesses.FindByWorkingDirectory(_pgData);
        if (orphans.Count > 0)
        {
            Logs.Add($"[apphost] waiting for {orphans.Count} backend(s) of a killed postgres to exit");
            await StaleProcesses.KillAsync(orphans, TimeSpan.FromSeconds(5));
        }
    }

    private static string FindBinDir()
    {
        var root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var best = Directory.GetDirectories(root)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(x => File.Exists(Path.Combine(x.Dir, "bin", "postgres")))
                .OrderByDescending(x => x.Version)
                .FirstOrDefault();
            if (best.Dir is not null)
            {
                return Path.Combine(best.Dir, "bin");
            }
        }

        throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql/<version>/bin.");
    }
}
