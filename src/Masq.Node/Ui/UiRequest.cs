using Masq.Lib.Ui;

namespace Masq.Node.Ui;

/// <summary>A UI message as it reaches an actor: who sent it, and what.</summary>
internal sealed record UiRequest(ulong ClientId, UiEnvelope Envelope);
