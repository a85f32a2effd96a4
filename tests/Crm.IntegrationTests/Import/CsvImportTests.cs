using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Crm.IntegrationTests.Lists;
using Crm.Testing;
using Shouldly;

namespace Crm.IntegrationTests.Import;

/// <summary><c>POST /{accounts,contacts,leads}/import</c>: a good file, bad rows (nothing written), a dry run, an export imported back, Excel's BOM and CRLF.</summary>
public sealed class CsvImportTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    [Fact]
    public async Task A_good_file_creates_every_row_with_its_event_and_an_export_imports_back()
    {
        var token = ListViewsTests.Letters();
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var csv = $"""
            name,phone,website,type,billing_address,unknown_column
            Alpha {token},+44 20 7946 0018,alpha.example.com,Customer,"1 High St
            London",whatever
            "Beta, {token}",,,partner,,
            Gamma {token},,,,,
            """;

        var dry = await client.ImportAsync("accounts", csv, "?dry_run=true").OkAsync();
        (dry.Int("rows"), dry.Int("created")).ShouldBe((3, 0));
        (await client.NamesAsync("accounts", token)).ShouldBeEmpty("a dry run writes nothing");

        var answer = await client.ImportAsync("accounts", csv).OkAsync();
        (answer.Int("rows"), answer.Int("created")).ShouldBe((3, 3));
        answer["errors"]!.AsArray().ShouldBeEmpty();
        (await client.NamesAsync("accounts", token)).ShouldBe([$"Alpha {token}", $"Beta, {token}", $"Gamma {token}"]);

        var alpha = (await client.GetAsync($"/api/v1/accounts?q=Alpha {token}").OkAsync())["items"]![0]!;
        var account = await client.GetAsync($"/api/v1/accounts/{alpha.Str("id")}").OkAsync();
        (account.Str("phone"), account.Str("website"), account.Str("type"), account.Str("billing_address")).ShouldBe(("+44 20 7946 0018", "alpha.example.com", "Customer", "1 High St\nLondon"));
        // The same AccountCreated event as a POST: Activities learns of the account through the outbox.
        await ActivityTestData.WaitForRecordAsync(fixture, "Account", alpha.Str("id"));

        // The export's titles, its owner and date columns and its escaped '+44 phone all import back.
        var export = await (await client.GetAsync($"/api/v1/accounts/export.csv?q={token}")).Content.ReadAsStringAsync();
        var renamed = ListViewsTests.Letters();
        var again = await client.ImportAsync("accounts", export.Replace(token, renamed, StringComparison.Ordinal)).OkAsync();
        (again.Int("rows"), again.Int("created")).ShouldBe((3, 3));
        (await client.NamesAsync("accounts", renamed)).ShouldBe([$"Alpha {renamed}", $"Beta, {renamed}", $"Gamma {renamed}"]);
        var copy = (await client.GetAsync($"/api/v1/accounts?q=Alpha {renamed}").OkAsync())["items"]![0]!;
        (copy.Str("phone"), copy.Str("type")).ShouldBe(("+44 20 7946 0018", "Customer"));
    }

    [Fact]
    public async Task A_file_with_bad_rows_writes_nothing_and_lists_every_error_by_row_and_field()
    {
        var token = ListViewsTests.Letters();
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var account = await client.PostJsonAsync("/api/v1/accounts", new { name = $"Acme {token}" }).CreatedAsync();
        var csv = $"""
            First Name,Last Name,Email,Account Name,account_id
            Ada,Good {token},ada-{token}@example.com,Acme {token},
            Bob,,bob-{token}@example.com,Acme {token},
            Cy,Bad {token},not-an-email,Acme {token},
            Di,Lost {token},di-{token}@example.com,Nowhere {token},
            Ed,Id {token},,,{account.Str("id")}
            Fay,Twice {token},ADA-{token}@example.com,,{account.Str("id")}
            Gus,Odd {token},,,not-a-guid
            """;

        var refused = await client.ImportAsync("contacts", csv).ProblemAsync();
        (refused.Int("rows"), refused.Int("created")).ShouldBe((7, 0));
        refused.ErrorCells().ShouldBe(["3:last_name", "4:email", "5:account_name", "5:account_id", "7:email", "8:account_id"], ignoreOrder: true);
        refused["errors"]!.AsArray().OfType<JsonNode>().Single(e => e.Int("row") == 5 && e.Str("field") == "account_name").Str("message").ShouldBe($"No active account is named \"Nowhere {token}\".");
        (await client.NamesAsync("contacts", token)).ShouldBeEmpty("one bad row and nothing is written");

        // The dry run of the same file says the same; the good rows alone import.
        (await client.ImportAsync("contacts", csv, "?dry_run=true").ProblemAsync()).ErrorCells().Length.ShouldBe(6);
        var good = string.Join('\n', csv.Split('\n').Where((_, i) => i is 0 or 1 or 5));
        (await client.ImportAsync("contacts", good).OkAsync()).Int("created").ShouldBe(2);
        (await client.NamesAsync("contacts", token)).ShouldBe([$"Ada Good {token}", $"Ed Id {token}"]);

        // A file that is not a CSV of contacts at all.
        (await client.ImportAsync("contacts", "").ProblemAsync()).ErrorCells().ShouldBe(["1:file"]);
        (await client.ImportAsync("contacts", "colour,size\nred,XL").ProblemAsync()).ErrorCells().ShouldBe(["1:file"]);
        (await client.ImportAsync("contacts", new byte[] { 0x6E, 0x61, 0x6D, 0x65, 0x0A, 0xC3, 0x28 }).ProblemAsync()).ErrorCells().ShouldBe(["1:file"]);
        (await client.ImportAsync("accounts", "name\n\"unclosed").ProblemAsync()).ErrorCells().ShouldBe(["2:file"]);
        (await client.ImportAsync("accounts", "name\nA\0B").ProblemAsync()).ErrorCells().ShouldBe(["2:name"]);
    }

    [Fact]
    public async Task An_Excel_file_with_a_byte_order_mark_and_CRLF_lines_imports_with_the_export_titles()
    {
        var token = ListViewsTests.Letters();
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var csv = string.Join("\r\n",
            "Name,Company,Email,Lead Status,Lead Source,Créé",
            $"Zoë Ångström {token},Ünïcode GmbH,zoe-{token}@example.com,Contacted,Trade Show,x",
            $"Mary Ann Smith {token},Plain Ltd,,,,",
            "") + "\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();

        var answer = await client.ImportAsync("leads", bytes).OkAsync();
        (answer.Int("rows"), answer.Int("created")).ShouldBe((2, 2));
        var leads = (await client.GetAsync($"/api/v1/leads?q={token}&sort=company").OkAsync())["items"]!.AsArray();
        leads.OfType<JsonNode>().Select(l => (l.Str("name"), l.Str("company"), l.Str("status"), l["lead_source"]?.GetValue<string>()))
            .ShouldBe([($"Mary Ann Smith {token}", "Plain Ltd", "New", null), ($"Zoë Ångström {token}", "Ünïcode GmbH", "Contacted", "Trade Show")]);
        var zoe = await client.GetAsync($"/api/v1/leads/{leads[1]!.Str("id")}").OkAsync();
        (zoe.Str("first_name"), zoe.Str("last_name"), zoe.Str("email")).ShouldBe(("Zoë Ångström", token, $"zoe-{token}@example.com"));
    }

    [Fact]
    public async Task Duplicates_of_existing_records_are_reported_and_can_be_skipped()
    {
        var token = ListViewsTests.Letters();
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var existing = await client.PostJsonAsync("/api/v1/accounts", new { name = $"Existing {token}" }).CreatedAsync();
        var lead = await client.PostJsonAsync("/api/v1/leads", new { last_name = "Known", company = "Known Co", status = "New", email = $"known-{token}@example.com" }).CreatedAsync();

        var accounts = $"name\nNew {token}\n existing {token.ToUpperInvariant()} \n";
        var dry = await client.ImportAsync("accounts", accounts, "?dry_run=true").OkAsync();
        dry["duplicates"]!.AsArray().OfType<JsonNode>().Select(d => (d.Int("row"), d.Str("field"), d.Str("existing_id"))).ShouldBe([(3, "name", existing.Str("id"))]);
        var skipped = await client.ImportAsync("accounts", accounts, "?skip_duplicates=true").OkAsync();
        (skipped.Int("created"), skipped.Int("skipped")).ShouldBe((1, 1));
        (await client.NamesAsync("accounts", token)).ShouldBe([$"Existing {token}", $"New {token}"]);

        var leads = $"last_name,company,email\nFresh {token},Fresh Co,fresh-{token}@example.com\nAgain {token},Known Co,KNOWN-{token}@example.com\n";
        var leadDry = await client.ImportAsync("leads", leads, "?dry_run=true").OkAsync();
        leadDry["duplicates"]!.AsArray().OfType<JsonNode>().Select(d => (d.Int("row"), d.Str("field"), d.Str("existing_id"))).ShouldBe([(3, "email", lead.Str("id"))]);
        // Not skipped, a duplicate lead is still a lead (as with POST /leads); a duplicate contact is refused as POST refuses it.
        (await client.ImportAsync("leads", leads).OkAsync()).Int("created").ShouldBe(2);
    }

    [Fact]
    public async Task A_file_over_10000_rows_or_5_MB_is_refused_with_413_through_the_gateway()
    {
        var client = fixture.CreateClient().WithBearer((await TestUsers.CreateAsync(fixture)).Token);
        var token = ListViewsTests.Letters();
        var rows = new StringBuilder("name\n");
        for (var i = 0; i <= 10_000; i++)
        {
            rows.Append(CultureInvariant($"Row {i} {token}\n"));
        }

        (await client.ImportAsync("accounts", rows.ToString())).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        // Just under 5 MB passes the gateway and the service (and is refused for its content, not its size).
        var filler = new string('x', 4000);
        var big = new StringBuilder("name,description\n");
        while (big.Length < (5 * 1024 * 1024) - 5000)
        {
            big.Append(CultureInvariant($"Big {token},{filler}\n"));
        }

        var underLimit = await client.ImportAsync("accounts", big.ToString(), "?dry_run=true");
        underLimit.StatusCode.ShouldBe(HttpStatusCode.OK, await underLimit.Content.ReadAsStringAsync());
        big.Append(filler).Append(filler);
        using var over = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounts/import") { Content = new StringContent(big.ToString(), Encoding.UTF8, "text/csv") };
        // Expect: 100-continue lets the 413 arrive before the body is sent, instead of racing the upload.
        over.Headers.ExpectContinue = true;
        (await client.SendAsync(over)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await client.NamesAsync("accounts", token)).ShouldBeEmpty();
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
