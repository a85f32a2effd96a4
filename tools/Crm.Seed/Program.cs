using Crm.Seed;

// Loads realistic demo accounts through the public API (see README.md, "Demo data").
SeedOptions options;
try
{
    options = SeedOptions.Parse(args, Environment.GetEnvironmentVariable);
}
catch (FormatException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (options.DryRun)
{
    foreach (var draft in new AccountGenerator(options.Seed).Generate(options.Accounts, options.Owners))
    {
        var body = draft.ToBody();
        body["parent_account_index"] = draft.ParentIndex;
        body["owner_slot"] = draft.OwnerSlot;
        Console.WriteLine(body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    return 0;
}

if (options.Password is null)
{
    var file = SeedOptions.AdminPasswordFile(Environment.GetEnvironmentVariable, SeedOptions.FindRepoRoot());
    if (!File.Exists(file))
    {
        Console.Error.WriteLine($"seed: no --password, no CRM_ADMIN_PASSWORD and no {file} (start the CRM once with ./crm run, or pass --password)");
        return 2;
    }

    options = options with { Password = File.ReadAllText(file).Trim() };
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

void Log(string line) => Console.WriteLine("seed: " + line);
using var api = new CrmApi(options.Url, options.Concurrency, Log);
try
{
    var result = await new Seeder(options, api, Log).RunAsync(cancel.Token);
    return result.Failed == 0 ? 0 : 1;
}
catch (SeedException ex)
{
    Console.Error.WriteLine("seed: " + ex.Message);
    return 1;
}
catch (HttpRequestException ex)
{
    Console.Error.WriteLine($"seed: cannot reach {options.Url}: {ex.Message} (is ./crm run running?)");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("seed: cancelled");
    return 130;
}
