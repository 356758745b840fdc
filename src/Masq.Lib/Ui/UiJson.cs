namespace Masq.Lib.Ui;

internal static class UiJson
{
    public static UiJsonContext Context => UiJsonContext.Default;
}
