using System.Text.Json.Serialization;

namespace Masq.Lib.Ui.Messages;

/// <summary>A setup error; on the wire a two-element array <c>[parameter, reason]</c>.</summary>
[JsonConverter(typeof(UiSetupErrorJsonConverter))]
public sealed record UiSetupError(string Parameter, string Reason);
