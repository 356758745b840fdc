namespace Masq.Node.Ui;

/// <summary>An actor that takes UI messages for some opcodes; the UiGateway routes by <see cref="UiOpcodes"/>.</summary>
internal interface IUiRequestHandler
{
    IReadOnlyCollection<string> UiOpcodes { get; }

    ValueTask PostUiAsync(UiRequest request, CancellationToken cancellationToken);
}
