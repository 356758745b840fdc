using Masq.Cli.Interactive;

namespace Masq.Cli.Tests.Interactive;

public sealed class LineEditorTests
{
    private static readonly ConsoleKeyInfo Left = Key(ConsoleKey.LeftArrow);
    private static readonly ConsoleKeyInfo Right = Key(ConsoleKey.RightArrow);
    private static readonly ConsoleKeyInfo Up = Key(ConsoleKey.UpArrow);
    private static readonly ConsoleKeyInfo Down = Key(ConsoleKey.DownArrow);
    private static readonly ConsoleKeyInfo Home = Key(ConsoleKey.Home);
    private static readonly ConsoleKeyInfo End = Key(ConsoleKey.End);
    private static readonly ConsoleKeyInfo Backspace = new('\x7f', ConsoleKey.Backspace, false, false, false);
    private static readonly ConsoleKeyInfo Delete = Key(ConsoleKey.Delete);
    private static readonly ConsoleKeyInfo Enter = new('\r', ConsoleKey.Enter, false, false, false);

    [Fact]
    public void Typed_characters_make_the_line_and_enter_submits_it()
    {
        var editor = new LineEditor([]);

        Assert.Equal(LineEditAction.Continue, Type(editor, "setup"));
        Assert.Equal(LineEditAction.Submit, editor.Apply(Enter));

        Assert.Equal("setup", editor.Text);
    }

    [Fact]
    public void Left_right_home_and_end_move_the_cursor_and_typing_inserts_there()
    {
        var editor = new LineEditor([]);
        Type(editor, "shtdown");

        Apply(editor, Home, Right, Right);
        Type(editor, "u");
        Assert.Equal("shutdown", editor.Text);
        Assert.Equal(3, editor.Cursor);

        Apply(editor, End, Left, Left, Left, Left, Left, Left, Left, Left, Left, Left); // more lefts than characters
        Assert.Equal(0, editor.Cursor);
        Apply(editor, End, Right);
        Assert.Equal(8, editor.Cursor);
    }

    [Fact]
    public void Backspace_and_delete_remove_before_and_under_the_cursor()
    {
        var editor = new LineEditor([]);
        Type(editor, "setupp");

        Apply(editor, Backspace, Home, Delete);

        Assert.Equal("etup", editor.Text);
        Apply(editor, Home, Backspace);
        Assert.Equal("etup", editor.Text);
    }

    [Fact]
    public void Ctrl_a_e_u_k_and_w_edit_like_a_shell()
    {
        var editor = new LineEditor([]);
        Type(editor, "setup --log-level debug");

        Apply(editor, Ctrl('a'));
        Assert.Equal(0, editor.Cursor);
        Apply(editor, Ctrl('e'), Ctrl('w'));
        Assert.Equal("setup --log-level ", editor.Text);
        Apply(editor, Left, Ctrl('u'));
        Assert.Equal(" ", editor.Text);
        Apply(editor, Ctrl('a'), Ctrl('k'));
        Assert.Equal(string.Empty, editor.Text);
    }

    [Fact]
    public void Control_letters_reported_as_key_and_modifier_work_too()
    {
        var editor = new LineEditor([]);
        Type(editor, "abc");

        editor.Apply(new ConsoleKeyInfo('\0', ConsoleKey.U, false, false, true));

        Assert.Equal(string.Empty, editor.Text);
    }

    [Fact]
    public void Up_and_down_walk_the_history_and_come_back_to_the_draft()
    {
        var editor = new LineEditor(["setup", "start"]);
        Type(editor, "desc");

        Apply(editor, Up);
        Assert.Equal("start", editor.Text);
        Assert.Equal(5, editor.Cursor);
        Apply(editor, Up, Up, Up);
        Assert.Equal("setup", editor.Text);
        Apply(editor, Down);
        Assert.Equal("start", editor.Text);
        Apply(editor, Down, Down);
        Assert.Equal("desc", editor.Text);
    }

    [Fact]
    public void A_recalled_line_can_be_edited_and_submitted()
    {
        var editor = new LineEditor(["shutdown"]);

        Apply(editor, Up, Ctrl('u'));
        Type(editor, "start");

        Assert.Equal(LineEditAction.Submit, editor.Apply(Enter));
        Assert.Equal("start", editor.Text);
    }

    [Fact]
    public void Ctrl_c_clears_the_line()
    {
        var editor = new LineEditor(["setup"]);
        Type(editor, "sta");
        Apply(editor, Up);

        Assert.Equal(LineEditAction.Cleared, editor.Apply(Ctrl('c')));

        Assert.Equal(string.Empty, editor.Text);
        Assert.Equal(0, editor.Cursor);
        Apply(editor, Up);
        Assert.Equal("setup", editor.Text);
    }

    [Fact]
    public void Ctrl_d_ends_input_only_on_an_empty_line()
    {
        var editor = new LineEditor([]);
        Type(editor, "ab");
        Apply(editor, Home);

        Assert.Equal(LineEditAction.Continue, editor.Apply(Ctrl('d')));
        Assert.Equal("b", editor.Text);
        Apply(editor, Delete);
        Assert.Equal(LineEditAction.EndOfInput, editor.Apply(Ctrl('d')));
    }

    [Fact]
    public void Other_control_characters_are_not_inserted()
    {
        var editor = new LineEditor([]);

        Apply(editor, new ConsoleKeyInfo('\t', ConsoleKey.Tab, false, false, false), new ConsoleKeyInfo('\x1b', ConsoleKey.Escape, false, false, false));

        Assert.Equal(string.Empty, editor.Text);
    }

    [Fact]
    public void Render_redraws_the_whole_row_and_puts_the_cursor_back()
    {
        var editor = new LineEditor([]);
        Type(editor, "setup");
        Apply(editor, Left, Left);

        Assert.Equal("\rmasq> setup\x1b[K\x1b[2D", editor.Render("masq> "));
        Apply(editor, End);
        Assert.Equal("\rmasq> setup\x1b[K", editor.Render("masq> "));
    }

    [Fact]
    public void The_line_has_a_length_limit()
    {
        var editor = new LineEditor([]);

        Type(editor, new string('a', LineEditor.MaxLineLength + 10));

        Assert.Equal(LineEditor.MaxLineLength, editor.Text.Length);
    }

    private static ConsoleKeyInfo Key(ConsoleKey key) => new('\0', key, false, false, false);

    private static ConsoleKeyInfo Ctrl(char letter) =>
        new((char)(char.ToUpperInvariant(letter) - 'A' + 1), ConsoleKey.A + (char.ToUpperInvariant(letter) - 'A'), false, false, true);

    private static LineEditAction Type(LineEditor editor, string text)
    {
        var last = LineEditAction.Continue;
        foreach (var c in text)
        {
            last = editor.Apply(new ConsoleKeyInfo(c, ConsoleKey.NoName, false, false, false));
        }
        return last;
    }

    private static void Apply(LineEditor editor, params ConsoleKeyInfo[] keys)
    {
        foreach (var key in keys)
        {
            editor.Apply(key);
        }
    }
}
