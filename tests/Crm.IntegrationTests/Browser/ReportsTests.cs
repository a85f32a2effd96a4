using System.Text.Json;
using System.Text.RegularExpressions;
using Crm.Testing;
using Microsoft.Playwright;
using Shouldly;

namespace Crm.IntegrationTests.Browser;

/// <summary>
/// Home as a dashboard and the reports' drill-down through the real gateway: the six key-figure tiles show
/// their figures; a click on the pipeline chart's Proposal bar opens the opportunity list filtered to that
/// stage (pill shown, a deal of ours among the rows, the pill clears the filter); each report page draws its
/// chart and table and offers its CSV.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportsTests(CrmFixture crm, BrowserFixture browser)
{
    private static readonly Dictionary<string, string> CsrfHeader = new() { ["X-Requested-With"] = "XMLHttpRequest" };

    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDir, name);

    /// <summary>The API with the page's own session cookie (no second login: logins are rate-limited).</summary>
    private async Task<JsonElement> PostAsync(IPage page, string path, object body)
    {
        var response = await page.APIRequest.PostAsync($"{crm.GatewayUrl}/api/v1/{path}", new() { DataObject = body, Headers = CsrfHeader });
        response.Ok.ShouldBeTrue(await response.TextAsync());
        return (await response.JsonAsync())!.Value;
    }

    [Fact]
    public async Task Home_shows_the_figures_and_a_pipeline_bar_opens_that_stages_opportunities()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(crm);
        await page.GetByRole(AriaRole.Heading, new() { Name = "My agenda today" }).WaitForAsync();

        var account = await PostAsync(page, "accounts", new { name = Json.Unique("Report Co") });
        var dealName = Json.Unique("Report Deal");
        await PostAsync(page, "opportunities", new { name = dealName, stage = "Proposal", account_id = account.GetProperty("id").GetString(), close_date = "2031-06-15" });

        // Home: every tile shows its figure (money or a count), none failed.
        await page.ReloadAsync();
        var tiles = page.Locator("[data-kpi]");
        await Assertions.Expect(tiles).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[data-kpi][data-state='ready']")).ToHaveCountAsync(6);
        foreach (var (kpi, pattern) in new[]
        {
            ("open-pipeline", @"^\$[\d,]+\.\d\d$"), ("weighted-pipeline", @"^\$[\d,]+\.\d\d$"), ("won-quarter", @"^\$[\d,]+\.\d\d$"),
            ("overdue-tasks", @"^[\d,]+$"), ("open-cases", @"^[\d,]+$"), ("receivables-overdue", @"^\$[\d,]+\.\d\d$"),
        })
        {
            await Assertions.Expect(page.Locator($"[data-kpi='{kpi}'] .crm-kpi__value")).ToHaveTextAsync(new Regex(pattern));
        }

        // Mine by default; All keeps the switch in the URL.
        await page.GetByRole(AriaRole.Button, new() { Name = "All", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"\?scope=all$"));
        await Assertions.Expect(page.Locator("[data-kpi][data-state='ready']")).ToHaveCountAsync(6);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mine", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-kpi][data-state='ready']")).ToHaveCountAsync(6);
        var proposalBar = page.GetByRole(AriaRole.Group, new() { Name = "Open pipeline by stage" }).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Proposal: ") });
        await proposalBar.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Shot("home-dashboard.png"), FullPage = true });

        // The Proposal bar: the list view of my Proposal opportunities, our deal among them.
        await proposalBar.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/opportunities\?view=list&stage=Proposal&owner_id=me$"));
        var pills = page.GetByRole(AriaRole.List, new() { Name = "Active filters" });
        await Assertions.Expect(pills.Locator("[data-filter='Stage']")).ToHaveTextAsync(new Regex("Stage: Proposal"));
        await page.GetByLabel("Search this list").FillAsync(dealName);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = dealName });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Proposal");
        await page.ScreenshotAsync(new() { Path = Shot("opportunities-filtered-by-stage.png") });

        await pills.GetByRole(AriaRole.Button, new() { Name = "Clear Stage" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/opportunities\?view=list&owner_id=me$"));
        await Assertions.Expect(pills.Locator("[data-filter='Stage']")).ToHaveCountAsync(0);

        // The Reports tab lists the reports; each draws its chart and table and can download its CSV.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Sales navigation" }).GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "All Reports" }).WaitForAsync();
        foreach (var (link, file) in new[] { ("Pipeline by Stage", "pipeline"), ("Won Revenue by Month", "won-revenue"), ("Cases by Status and Priority", "cases"), ("Receivables Aging", "receivables") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = link }).WaitForAsync();
            await page.Locator(".crm-chart svg").First.WaitForAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
            download.SuggestedFilename.ShouldEndWith(".csv");
            await page.ScreenshotAsync(new() { Path = Shot($"report-{file}.png"), FullPage = true });
            await page.GoBackAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "All Reports" }).WaitForAsync();
        }
    }
}
