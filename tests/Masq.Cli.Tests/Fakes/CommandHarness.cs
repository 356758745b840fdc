using System.Diagnostics.CodeAnalysis;
using Masq.Cli.Commands;
using Masq.Cli.Commands.Parsing;
using Masq.Cli.Output;

namespace Masq.Cli.Tests.Fakes;

/// <summary>Parses a command line and runs it against a <see cref="FakeUiTransport"/>, capturing stdout and stderr.</summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "A harness for one test; its StringWriters hold only memory.")]
internal sealed class CommandHarness
{
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public CommandHarness(bool interactive = false, FakeSecretReader? secrets = null, FakePortProbe? probe = null)
    {
        Secrets = secrets ?? new FakeSecretReader(false);
        Probe = probe ?? new FakePortProbe(0);
        Context = new CommandContext(Transport, new OutputSink(_stdout, _stderr), Secrets, Probe, interactive);
    }

    public FakeUiTransport Transport { get; } = new();

    public FakeSecretReader Secrets { get; }

    public FakePortProbe Probe { get; }

    public CommandContext Context { get; }

    public string Stdout => _stdout.ToString();

    public string Stderr => _stderr.ToString();

    public static ICommand Parse(string line, bool canPrompt = false)
    {
        var outcome = CommandParser.Parse(Words(line), new ParserOptions(canPrompt));
        Assert.True(outcome.Kind == ParseOutcomeKind.Command, $"'{line}' did not parse: {outcome.Text}");
        return outcome.Command!;
    }

    public static string ParseError(string line, bool canPrompt = false)
    {
        var outcome = CommandParser.Parse(Words(line), new ParserOptions(canPrompt));
        Assert.True(outcome.Kind == ParseOutcomeKind.Error, $"'{line}' parsed as {outcome.Kind}");
        return outcome.Text;
    }

    public static IReadOnlyList<string> Words(string line)
    {
        var split = Masq.Cli.Interactive.LineSplitter.Split(line);
        Assert.True(split.IsValid, split.Error);
        return split.Words;
    }

    public Task<CommandResult> RunAsync(string line, bool canPrompt = false) =>
        CommandRunner.RunAsync(Parse(line, canPrompt), Context, CancellationToken.None);
}
