namespace Masq.Cli.Interactive;

/// <summary>What a key did to the line being edited.</summary>
internal enum LineEditAction
{
    /// <summary>The line changed (or not); keep reading keys.</summary>
    Continue,

    /// <summary>Enter: <see cref="LineEditor.Text"/> is the line.</summary>
    Submit,

    /// <summary>Ctrl-C: the line was thrown away; start a fresh one.</summary>
    Cleared,

    /// <summary>Ctrl-D on an empty line: the end of input.</summary>
    EndOfInput,
}
