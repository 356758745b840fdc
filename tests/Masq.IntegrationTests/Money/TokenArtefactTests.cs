using Masq.IntegrationTests.Architecture;
using Masq.IntegrationTests.Infrastructure;

namespace Masq.IntegrationTests.Money;

/// <summary>The checked-in token bytecode is exactly what its Solidity source compiles to with the pinned solc.</summary>
public sealed class TokenArtefactTests
{
    [Fact]
    public async Task The_compiled_token_matches_its_source()
    {
        var chainDirectory = Path.Combine(DependencyRuleTests.RepositoryRoot(), "tools", "chain");

        var check = await ProcessRunner.RunAsync("node", [Path.Combine(chainDirectory, "compile.js"), "--check"], timeout: TimeSpan.FromMinutes(2));

        Assert.True(check.ExitCode == 0, check.StandardOutput + check.StandardError);
        Assert.Contains("up to date", check.StandardOutput, StringComparison.Ordinal);
    }
}
