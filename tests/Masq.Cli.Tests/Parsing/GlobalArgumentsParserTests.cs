using Masq.Cli.Commands.Parsing;

namespace Masq.Cli.Tests.Parsing;

public sealed class GlobalArgumentsParserTests
{
    [Fact]
    public void No_arguments_means_interactive_on_the_default_port()
    {
        Assert.True(GlobalArgumentsParser.TryParse([], out var arguments, out _));

        Assert.Equal(new GlobalArguments(5333, false, false, null), arguments);
    }

    [Theory]
    [InlineData("--ui-port 1025 descriptor", 1025)]
    [InlineData("--ui-port=65535 descriptor", 65535)]
    [InlineData("descriptor", 5333)]
    public void The_ui_port_and_the_subcommand_are_separated(string line, int port)
    {
        Assert.True(GlobalArgumentsParser.TryParse(line.Split(' '), out var arguments, out var error), error);

        Assert.Equal(port, arguments.UiPort);
        Assert.Equal(["descriptor"], arguments.CommandWords);
    }

    [Fact]
    public void Everything_after_the_subcommand_belongs_to_it()
    {
        Assert.True(GlobalArgumentsParser.TryParse(["--ui-port", "6000", "setup", "--ui-port", "--help"], out var arguments, out _));

        Assert.Equal(6000, arguments.UiPort);
        Assert.False(arguments.Help);
        Assert.Equal(["setup", "--ui-port", "--help"], arguments.CommandWords);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_is_recognised(string flag)
    {
        Assert.True(GlobalArgumentsParser.TryParse([flag], out var arguments, out _));
        Assert.True(arguments.Help);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("-V")]
    public void Version_is_recognised(string flag)
    {
        Assert.True(GlobalArgumentsParser.TryParse([flag], out var arguments, out _));
        Assert.True(arguments.Version);
    }

    [Theory]
    [InlineData("--ui-port 1024", "'1024'")]
    [InlineData("--ui-port 65536", "'65536'")]
    [InlineData("--ui-port abc", "'abc'")]
    [InlineData("--ui-port -5", "'-5'")]
    [InlineData("--ui-port", "needs a value")]
    [InlineData("--ui-port 2000 --ui-port 3000", "more than once")]
    [InlineData("--booga", "'--booga'")]
    public void Bad_options_name_the_bad_argument(string line, string expected)
    {
        Assert.False(GlobalArgumentsParser.TryParse(line.Split(' '), out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_arguments_never_throw()
    {
        var random = new Random(5333);
        string[] pieces = ["--ui-port", "--ui-port=", "1025", "99999", "-h", "-V", "--help", "x", "", "-", "--", "=", "setup", "\u00e9"];
        for (var i = 0; i < 5000; i++)
        {
            var args = Enumerable.Range(0, random.Next(0, 6)).Select(_ => pieces[random.Next(pieces.Length)] + (random.Next(4) == 0 ? random.Next(100000).ToString() : string.Empty)).ToArray();

            var ok = GlobalArgumentsParser.TryParse(args, out var arguments, out var error);

            Assert.True(ok ? arguments.UiPort is >= 1025 and <= 65535 : error.Length > 0, string.Join(' ', args));
        }
    }
}
