using Microsoft.Playwright;

namespace Crm.IntegrationTests.Browser;

/// <summary>Debian's headless Chromium driven by Playwright (never a downloaded browser).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go, for people to look at after a run.</summary>
    public static string ScreenshotDir { get; } = Path.Combine(FindRepoRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDir);
        // Web-first assertions (ToHaveURL, ToBeChecked...) wait as long as locators do.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <param name="acceptAnyCertificate">For the app over HTTPS with its self-signed certificate.</param>
    public async Task<IPage> NewPageAsync(bool acceptAnyCertificate = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = acceptAnyCertificate, ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        // Navigations include the first request to a cold service; a busy CI machine needs more than a click does.
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        ApiLog.Attach(page);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crm.sln")))
            {
                return dir.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
