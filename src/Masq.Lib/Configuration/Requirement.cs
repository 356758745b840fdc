namespace Masq.Lib.Configuration;

/// <summary>When an empty parameter is reported as <see cref="SetupStatus.Required"/> rather than <see cref="SetupStatus.Blank"/>.</summary>
public enum Requirement
{
    Never,
    Always,
    UnlessZeroHop,

    /// <summary>Unless zero-hop, or a test hook (<c>crash-point</c> other than none, <c>fake-public-key</c>) is active.</summary>
    UnlessZeroHopOrTestHook,
    UnlessConsumeOnly,
    OriginateOnlyOrConsumeOnly,
    StandardOrOriginateOnly,

    /// <summary>Only a standard Node uses it (the clandestine port: other modes accept no connections).</summary>
    StandardOnly,
}
