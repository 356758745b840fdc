namespace Masq.Cli.Output;

/// <summary>
/// masq's stdout and stderr behind one lock, so that broadcasts printed from the connection's thread never
/// interleave with a command's output or the prompt.
/// </summary>
internal sealed class OutputSink(TextWriter stdout, TextWriter stderr)
{
    public object Gate { get; } = new();

    public void Write(string text)
    {
        lock (Gate)
        {
            stdout.Write(text);
            stdout.Flush();
        }
    }

    public void WriteLine(string line = "") => Write(line + "\n");

    public void Error(string text)
    {
        lock (Gate)
        {
            stderr.Write(text);
            stderr.Flush();
        }
    }

    public void ErrorLine(string line) => Error(line + "\n");
}
