namespace Masq.Lib.Ui;

/// <summary>A typed UI message body; <see cref="Opcode"/> is its wire name.</summary>
public interface IUiMessage
{
    static abstract string Opcode { get; }
}
