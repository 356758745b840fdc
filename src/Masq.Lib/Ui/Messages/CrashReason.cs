using System.Text.Json.Serialization;

namespace Masq.Lib.Ui.Messages;

/// <summary>Why the Node exited: <c>{"ChildWaitFailure":s}</c>, <c>{"Unrecognized":s}</c> or <c>"NoInformation"</c>.</summary>
[JsonConverter(typeof(CrashReasonJsonConverter))]
public sealed record CrashReason(CrashReasonKind Kind, string? Text)
{
    public static CrashReason NoInformation { get; } = new(CrashReasonKind.NoInformation, null);

    public static CrashReason Unrecognized(string text) => new(CrashReasonKind.Unrecognized, text);

    public static CrashReason ChildWaitFailure(string text) => new(CrashReasonKind.ChildWaitFailure, text);
}
