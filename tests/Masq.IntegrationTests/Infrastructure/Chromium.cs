using Microsoft.Playwright;

namespace Masq.IntegrationTests.Infrastructure;

/// <summary>Debian's Chromium through Playwright (never a downloaded browser); BROWSER_PATH overrides the path.</summary>
internal static class Chromium
{
    /// <param name="extraArgs">More Chromium switches, e.g. a proxy.</param>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(params string[] extraArgs)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("BROWSER_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", .. extraArgs],
        });
        return (playwright, browser);
    }

    public static string Screenshot(string name)
    {
        var directory = Path.Combine(Architecture.DependencyRuleTests.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}
