namespace Masq.Lib.Ui;

/// <summary>The <c>error</c> member of an envelope.</summary>
public sealed record UiMessageError(ulong Code, string Message);
