using System.Globalization;
using System.Text;

namespace Masq.Cli.Interactive;

/// <summary>
/// The editing rules of interactive masq's prompt, apart from the terminal: one line, a cursor, and the history.
/// Left/Right (Ctrl-B/F), Home/End (Ctrl-A/E), Backspace/Delete, Up/Down (Ctrl-P/N) through the history, Ctrl-U
/// (delete to the start), Ctrl-K (to the end), Ctrl-W (the word before the cursor), Ctrl-C (clear), Ctrl-D (end of
/// input on an empty line, else delete), Enter.
/// </summary>
internal sealed class LineEditor
{
    /// <summary>A line longer than this is surely not typed; further characters are ignored.</summary>
    public const int MaxLineLength = 16 * 1024;

    private readonly IReadOnlyList<string> _history;
    private readonly StringBuilder _text = new();
    private int _historyIndex;
    private string _draft = string.Empty;

    /// <param name="history">Earlier lines, oldest first.</param>
    public LineEditor(IReadOnlyList<string> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        _history = history;
        _historyIndex = history.Count;
    }

    public string Text => _text.ToString();

    /// <summary>Where the cursor is: the number of characters before it.</summary>
    public int Cursor { get; private set; }

    public LineEditAction Apply(ConsoleKeyInfo key)
    {
        var control = key.Modifiers.HasFlag(ConsoleModifiers.Control);
        // Terminals deliver Ctrl-<letter> as the control character; some .NET console drivers report the letter too.
        var c = key.KeyChar;
        if (control && c == '\0' && key.Key is >= ConsoleKey.A and <= ConsoleKey.Z)
        {
            c = (char)(key.Key - ConsoleKey.A + 1);
        }

        switch (key.Key)
        {
            case ConsoleKey.Enter:
                return LineEditAction.Submit;
            case ConsoleKey.LeftArrow:
                MoveTo(Cursor - 1);
                return LineEditAction.Continue;
            case ConsoleKey.RightArrow:
                MoveTo(Cursor + 1);
                return LineEditAction.Continue;
            case ConsoleKey.Home:
                MoveTo(0);
                return LineEditAction.Continue;
            case ConsoleKey.End:
                MoveTo(_text.Length);
                return LineEditAction.Continue;
            case ConsoleKey.UpArrow:
                Recall(_historyIndex - 1);
                return LineEditAction.Continue;
            case ConsoleKey.DownArrow:
                Recall(_historyIndex + 1);
                return LineEditAction.Continue;
            case ConsoleKey.Backspace:
                DeleteBack();
                return LineEditAction.Continue;
            case ConsoleKey.Delete:
                DeleteForward();
                return LineEditAction.Continue;
        }

        switch (c)
        {
            case '\r' or '\n':
                return LineEditAction.Submit;
            case '\x01': // Ctrl-A
                MoveTo(0);
                return LineEditAction.Continue;
            case '\x05': // Ctrl-E
                MoveTo(_text.Length);
                return LineEditAction.Continue;
            case '\x02': // Ctrl-B
                MoveTo(Cursor - 1);
                return LineEditAction.Continue;
            case '\x06': // Ctrl-F
                MoveTo(Cursor + 1);
                return LineEditAction.Continue;
            case '\x10': // Ctrl-P
                Recall(_historyIndex - 1);
                return LineEditAction.Continue;
            case '\x0e': // Ctrl-N
                Recall(_historyIndex + 1);
                return LineEditAction.Continue;
            case '\x08' or '\x7f': // Ctrl-H, DEL
                DeleteBack();
                return LineEditAction.Continue;
            case '\x15': // Ctrl-U
                _text.Remove(0, Cursor);
                Cursor = 0;
                return LineEditAction.Continue;
            case '\x0b': // Ctrl-K
                _text.Length = Cursor;
                return LineEditAction.Continue;
            case '\x17': // Ctrl-W
                DeleteWordBack();
                return LineEditAction.Continue;
            case '\x03': // Ctrl-C
                _text.Clear();
                Cursor = 0;
                _historyIndex = _history.Count;
                _draft = string.Empty;
                return LineEditAction.Cleared;
            case '\x04': // Ctrl-D
                if (_text.Length == 0)
                {
                    return LineEditAction.EndOfInput;
                }
                DeleteForward();
                return LineEditAction.Continue;
        }

        if (!char.IsControl(c) && _text.Length < MaxLineLength)
        {
            _text.Insert(Cursor, c);
            Cursor++;
        }
        return LineEditAction.Continue;
    }

    /// <summary>What to write to the terminal to show <paramref name="prompt"/>, the line and the cursor in place:
    /// back to the start of the row, the whole line, erase what is left of an older one, then back to the cursor.</summary>
    public string Render(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var text = new StringBuilder().Append('\r').Append(prompt).Append(_text).Append("\x1b[K");
        var back = _text.Length - Cursor;
        if (back > 0)
        {
            text.Append("\x1b[").Append(back.ToString(CultureInfo.InvariantCulture)).Append('D');
        }
        return text.ToString();
    }

    private void MoveTo(int position) => Cursor = Math.Clamp(position, 0, _text.Length);

    private void DeleteBack()
    {
        if (Cursor > 0)
        {
            _text.Remove(Cursor - 1, 1);
            Cursor--;
        }
    }

    private void DeleteForward()
    {
        if (Cursor < _text.Length)
        {
            _text.Remove(Cursor, 1);
        }
    }

    private void DeleteWordBack()
    {
        var start = Cursor;
        while (start > 0 && _text[start - 1] == ' ')
        {
            start--;
        }
        while (start > 0 && _text[start - 1] != ' ')
        {
            start--;
        }
        _text.Remove(start, Cursor - start);
        Cursor = start;
    }

    /// <summary>Shows history entry <paramref name="index"/>; one past the newest is the line being typed before.</summary>
    private void Recall(int index)
    {
        if (index < 0 || index > _history.Count || index == _historyIndex)
        {
            return;
        }
        if (_historyIndex == _history.Count)
        {
            _draft = _text.ToString();
        }
        _historyIndex = index;
        _text.Clear().Append(index == _history.Count ? _draft : _history[index]);
        Cursor = _text.Length;
    }
}
