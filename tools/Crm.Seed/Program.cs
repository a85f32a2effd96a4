using System.Text.Encodings.Web;
using System.Text.Json;
using Crm.Seed;
using Crm.Seed.Generators;

// Loads a realistic demo CRM through the public API (see README.md, "Demo data").
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
    // One JSON line per planned record, tagged with its type: what would be sent, with indexes for the ids.
    var plan = SeedPlanner.Plan(options.Seed, options.Accounts, options.Owners, DateOnly.FromDateTime(DateTime.UtcNow), options.Prefix, options.AccountsOnly);
    var json = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    void Print(string type, object record)
    {
        var line = JsonSerializer.SerializeToNode(record, record.GetType(), json)!.AsObject();
        line.Insert(0, "object", type);
        Console.WriteLine(line.ToJsonString(json));
    }

    plan.Accounts.ToList().ForEach(a => Print("account", a));
    plan.Products.ToList().ForEach(p => Print("product", p));
    plan.Contacts.ToList().ForEach(c => Print("contact", c));
    plan.Leads.ToList().ForEach(l => Print("lead", l));
    plan.Opportunities.ToList().ForEach(o => Print("opportunity", o));
    plan.Activities.ToList().ForEach(a => Print("activity", a));
    plan.Cases.ToList().ForEach(c => Print("case", c));
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
